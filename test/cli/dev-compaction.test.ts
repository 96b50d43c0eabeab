import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localName } from '../../src/local/provision';
import { cloudTrailEvent, cloudTrailFile } from '../helpers/cloudtrail-files';
import { makeWorkspace } from '../helpers/prowl-process';
import { runProwl } from '../helpers/run-cli';

/** One day of generated API calls, a few a minute, from a handful of addresses (some inside 10.0.0.0/8). */
function dayOfTraffic(day: string): unknown[] {
  const names = ['DescribeInstances', 'GetObject', 'AssumeRole', 'ListBuckets', 'PutObject'];
  const ips = ['10.0.1.5', '10.20.0.9', '198.51.100.7', '203.0.113.9', '2001:db8::7'];
  return Array.from({ length: 24 * 30 }, (_, i) =>
    cloudTrailEvent({
      eventID: `traffic-${i}`,
      eventTime: `${day}T${String(Math.floor(i / 30)).padStart(2, '0')}:${String((i * 2) % 60).padStart(2, '0')}:00Z`,
      eventName: names[i % names.length]!,
      sourceIPAddress: ips[i % ips.length]!,
      ...(i % 7 === 0 ? { errorCode: 'AccessDenied' } : {}),
    }),
  );
}

/**
 * The done-when of lake compaction, run as a user runs it: `npm start -- --once` on the samples and a
 * day of traffic compacts the closed hours to Parquet, and `prowl search` answers the same with the
 * Parquet files as with the JSON alone.
 */
describe('npm start -- --once compacts the closed hours of the lake', () => {
  it('writes Parquet for closed hours, and prowl search returns the same rows from Parquet as from JSON', async () => {
    const workspace = makeWorkspace();
    writeFileSync(join(workspace.inbox, 'AWSLogs-day.json.gz'), cloudTrailFile(dayOfTraffic('2026-11-20')));
    // The search command reads the lake under ./.prowl of where it runs: the workspace.
    const data = join(workspace.dir, '.prowl');
    const env = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' };
    const dev = await runProwl(['dev', '--once', '--data', data, '--inbox', workspace.inbox, '--samples', workspace.samples, '--config', workspace.config], {
      env,
      timeoutMs: 120_000,
    });
    expect(dev.stderr).toBe('');
    expect(dev.code).toBe(0);
    expect(dev.stdout).toMatch(/Compacted \d+ closed lake hour\(s\) to Parquet\./);

    const lake = join(data, 's3', localName({ service: 'prowl', stage: 'local' }, 'LakeBucket'));
    const parquet = join(lake, 'parquet', 'aws_cloudtrail');
    const compacted = readdirSync(parquet, { recursive: true }).map(String);
    for (let hour = 0; hour < 24; hour += 1) {
      const dir = `year=2026/month=11/day=20/hour=${String(hour).padStart(2, '0')}`;
      expect(compacted).toContain(`_compacted/2026-11-20-${String(hour).padStart(2, '0')}`);
      expect(compacted).toContain(`${dir}/aws_cloudtrail-20261120${String(hour).padStart(2, '0')}.parquet`);
    }
    // The samples' hours too: the whole past is closed.
    expect(compacted.some((path) => path.startsWith('year=2026/month=11/day=22/'))).toBe(true);

    const queries = [
      ['AWS.CloudTrail since 2026-11-20 until 2026-11-23 limit 10000 fields eventID,eventName,errorCode,sourceIPAddress,userIdentity'],
      ['AWS.CloudTrail sourceIPAddress=10.0.0.0/8 errorCode!=AccessDenied since 2026-11-20 until 2026-11-21 limit 10000'],
      ['any ip=203.0.113.9 since 2026-11-20 until 2026-11-23 limit 10000'],
      ['AWS.CloudTrail eventName=ConsoleLogin since 2026-11-20 until 2026-11-23'],
    ];
    const search = async (query: string[]): Promise<{ rows: string; summary: string }> => {
      const result = await runProwl(['search', '--format', 'json', ...query], { cwd: workspace.dir });
      expect(result.code).toBe(0);
      return { rows: result.stdout, summary: result.stderr };
    };
    const fromParquet = [];
    for (const query of queries) fromParquet.push(await search(query));
    const rows = fromParquet[0]!.rows.trim().split('\n');
    // The whole generated day, and the samples' events two days later.
    expect(rows.filter((row) => row.startsWith('{"p_event_time":"2026-11-20T'))).toHaveLength(24 * 30);
    expect(rows.length).toBeGreaterThan(24 * 30);
    expect(fromParquet[0]!.summary).toMatch(new RegExp(`^${rows.length} rows · [\\d.]+ [KM]?B scanned · `));

    // The same searches with the Parquet layout gone: every hour read from its JSON.
    renameSync(join(lake, 'parquet'), join(workspace.dir, 'parquet-aside'));
    expect(existsSync(join(lake, 'parquet'))).toBe(false);
    for (const [index, query] of queries.entries()) {
      const fromJson = await search(query);
      expect(fromJson.rows).toBe(fromParquet[index]!.rows);
      expect(fromJson.rows.length).toBeGreaterThan(0);
    }
  }, 180_000);
});
