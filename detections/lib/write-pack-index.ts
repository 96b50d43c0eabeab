/** `npm run pack:index`: rewrites detections/index.ts and detections/policies/index.ts from the folders. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_INDEXES, renderPackIndex } from './pack-index';

const root = join(__dirname, '..', '..');
for (const index of PACK_INDEXES) {
  const path = join(root, index.dir, index.file);
  writeFileSync(path, renderPackIndex(root, index));
  process.stdout.write(`wrote ${path}\n`);
}
