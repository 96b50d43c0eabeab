import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { main } from '../../src/cli/main';
import { compactCommand } from '../../src/cli/compact-command';
import { compactedMarkerKey } from '../../src/lake/lake-layout';
import { freezeClock } from '../helpers/clock';
import { captureIO } from '../helpers/run-cli';
import { cloudTrailEvent, writeLake } from '../search/helpers/lake';

describe('prowl compact', () => {
  const clock = freezeClock(DateTime.fromISO('2024-05-02T12:30:00Z', { zone: 'utc' }));
  let lakeDir: string;
  let configPath: string;

  beforeEach(() => {
    lakeDir = mkdtempSync(join(tmpdir(), 'prowl-compact-cli-'));
    configPath = join(lakeDir, 'prowl.config.yml');
    writeFileSync(
      configPath,
      [
        'sources: [{ label: trail, prefix: AWSLogs/ }]',
        "slack: { defaultChannel: '#a', opsChannel: '#b' }",
        'lake: { compaction: { settleMinutes: 90 } }',
      ].join('\n'),
    );
    writeLake(
      lakeDir,
      ['2024-05-01T09:10:00Z', '2024-05-02T08:10:00Z', '2024-05-02T10:59:00Z', '2024-05-02T11:10:00Z'].map((eventTime) => cloudTrailEvent({ eventTime })),
    );
  });
  afterEach(() => rmSync(lakeDir, { recursive: true, force: true }));
  afterAll(() => clock.restore());

  const compacted = (text: string): boolean => existsSync(join(lakeDir, compactedMarkerKey('aws_cloudtrail', DateTime.fromISO(text, { zone: 'utc' }))));

  it('compacts the hours closed for the configured settle time and says what it did', async () => {
    const io = captureIO();
    expect(await compactCommand([], io, { lakeDir, configPath })).toBe(0);
    // 12:30 with 90 minutes to settle: 10:00–10:59 closed at 12:30 exactly, 11:00 not yet.
    expect(io.out()).toMatch(/^aws_cloudtrail 2024-05-01T09:00Z: 1 rows, \d+ B JSON → [\d.]+ KB Parquet$/m);
    expect(io.err()).toBe('3 hour(s) compacted, 0 already compacted, 1 not closed yet\n');
    expect(['2024-05-01T09:00:00Z', '2024-05-02T08:00:00Z', '2024-05-02T10:00:00Z'].every(compacted)).toBe(true);
    expect(compacted('2024-05-02T11:00:00Z')).toBe(false);

    const again = captureIO();
    expect(await compactCommand([], again, { lakeDir, configPath })).toBe(0);
    expect(again.out()).toBe('');
    expect(again.err()).toBe('0 hour(s) compacted, 3 already compacted, 1 not closed yet\n');
  });

  it('limits a backfill to --since/--until, as dates or durations back from now', async () => {
    expect(await compactCommand(['--since', '1d', '--until', '2024-05-02T10:00'], captureIO(), { lakeDir, configPath })).toBe(0);
    expect(compacted('2024-05-02T08:00:00Z')).toBe(true);
    expect(compacted('2024-05-01T09:00:00Z')).toBe(false);
    expect(compacted('2024-05-02T10:00:00Z')).toBe(false);
  });

  it('takes a table or log type name with --table', async () => {
    expect(await compactCommand(['--table', 'AWS.VPCFlow'], captureIO(), { lakeDir, configPath })).toBe(0);
    expect(compacted('2024-05-01T09:00:00Z')).toBe(false);
    expect(await compactCommand(['--table', 'aws_cloudtrail'], captureIO(), { lakeDir, configPath })).toBe(0);
    expect(compacted('2024-05-01T09:00:00Z')).toBe(true);
  });

  it('refuses a bad time or table with what is accepted, exit code 2', async () => {
    const io = captureIO();
    expect(await main(['compact', '--since', 'yesterday'], io)).toBe(2);
    expect(io.err()).toContain('--since "yesterday" is not a time; accepted: an ISO date (2026-11-22');
    const table = captureIO();
    expect(await main(['compact', '--table', 'nope'], table)).toBe(2);
    expect(table.err()).toContain('unknown table or log type "nope"; known: aws_cloudtrail');
  });
});
