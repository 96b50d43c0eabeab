import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_INDEXES, renderPackIndex } from '../../detections/lib/pack-index';

const ROOT = join(__dirname, '..', '..');

describe.each(PACK_INDEXES.map((index) => [`${index.dir}/${index.file}`, index] as const))('%s', (_path, index) => {
  it('lists exactly the modules in its folder (npm run pack:index rewrites it)', () => {
    expect(readFileSync(join(ROOT, index.dir, index.file), 'utf8')).toBe(renderPackIndex(ROOT, index));
  });
});
