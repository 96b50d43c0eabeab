import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Settings } from 'luxon';
import { parseCommand } from '../../src/cli/parse-command';
import { FIXTURES } from './golden';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await parseCommand(argv, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const fixture = (relative: string): string => join(FIXTURES, relative);

describe('prowl parse', () => {
  const now = Settings.now;
  beforeAll(() => {
    Settings.now = () => Date.parse('2026-11-22T12:00:00.000Z');
  });
  afterAll(() => {
    Settings.now = now;
  });

  it('prints each normalized event as a JSON line and a summary per log type on stderr', async () => {
    const { code, stdout, stderr } = await run(fixture('vpc-flow/default.log'));
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toHaveLength(6);
    expect(events[0]).toMatchObject({
      srcaddr: '203.0.113.12',
      p_log_type: 'AWS.VPCFlow',
      p_parse_time: '2026-11-22T12:00:00.000Z',
      p_source_label: 'prowl parse',
    });
    expect(stderr).toContain('6 event(s), 0 quarantined');
    expect(stderr).toContain('AWS.VPCFlow: 6');
    expect(code).toBe(0);
  });

  it('classifies a gzip file by trying every log type', async () => {
    const { stdout, stderr } = await run(fixture('cloudtrail/records.json.gz'));
    expect(stdout.trim().split('\n')).toHaveLength(8);
    expect(stderr).toContain('AWS.CloudTrail: 8');
  });

  it('lists quarantined records with their position and reason, and exits 1', async () => {
    const { code, stderr } = await run(fixture('s3-server-access/access.log'));
    expect(stderr).toContain('8 event(s), 2 quarantined');
    expect(stderr).toContain('quarantined record 9: no log type accepted the record (AWS.S3ServerAccess: httpstatus: expected a whole number or "-", got "OK"');
    expect(code).toBe(1);
  });

  it('uses only the log type given with --log-type', async () => {
    const { code, stderr } = await run(fixture('guardduty/finding.json'), '--log-type', 'AWS.CloudTrail');
    expect(stderr).toContain('0 event(s), 1 quarantined');
    expect(stderr).toContain('not AWS.CloudTrail');
    expect(code).toBe(1);
  });

  it('refuses an unknown log type, naming the known ones', async () => {
    const { code, stderr } = await run(fixture('alb/access.log'), '--log-type', 'AWS.Nope');
    expect(stderr).toContain(
      'unknown log type "AWS.Nope"; known: AWS.CloudTrail, AWS.GuardDuty, AWS.CloudTrailInsight, AWS.CloudTrailDigest, AWS.VPCDns, AWS.WAFWebACL, AWS.CloudWatchEvents, AWS.S3ServerAccess, AWS.ALB, AWS.VPCFlow, AWS.AuroraMySQLAudit',
    );
    expect(code).toBe(2);
  });

  it('shows its usage when not given exactly one file', async () => {
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: prowl parse <file> [--log-type T]') });
    expect(await run('a', 'b')).toMatchObject({ code: 2 });
    expect(await run('a', '--bogus')).toMatchObject({ code: 2 });
  });

  it('says so when the file cannot be read', async () => {
    const { code, stderr } = await run(fixture('no-such-file.log'));
    expect(stderr).toContain('cannot read');
    expect(stderr).toContain('no-such-file.log');
    expect(code).toBe(1);
  });
});
