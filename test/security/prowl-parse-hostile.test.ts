import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudTrailEvent } from '../helpers/cloudtrail-files';
import { deeplyNested, withHostileKeys } from '../helpers/hostile-json';
import { runProwl } from '../helpers/run-cli';

describe('prowl parse on a CloudTrail file with hostile records', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'prowl-hostile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('quarantines the too-deep record with its reason, and keeps __proto__ keys of the others as data', async () => {
    const deep = JSON.stringify(cloudTrailEvent({ eventID: 'deep', requestParameters: { PLACEHOLDER: 1 } })).replace(
      '"PLACEHOLDER":1',
      `"nested":${deeplyNested(10_000)}`,
    );
    const hostile = withHostileKeys(cloudTrailEvent({ eventID: 'proto', requestParameters: { PROTO: { isAdmin: true } } }), { PROTO: '__proto__' });
    const file = join(dir, 'trail.json');
    writeFileSync(file, `{"Records":[${deep},${hostile}]}`);

    const { code, stdout, stderr } = await runProwl(['parse', file]);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((event) => event['eventID'])).toEqual(['proto']);
    expect(JSON.stringify(events[0]!['requestParameters'])).toBe('{"__proto__":{"isAdmin":true}}');
    expect(stderr).toContain('1 quarantined');
    expect(stderr).toMatch(/nested deeper than 128 levels/);
    expect(code).toBe(1);
  });
});
