import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { cloudTrail, type CloudTrailEvent } from '../../../src/logs/cloudtrail';
import { tableName, type NormalizedEvent } from '../../../src/logs/log-type';
import { normalize } from '../../../src/logs/normalize';

type Overrides = Partial<Omit<CloudTrailEvent, 'userIdentity'>> & { userIdentity?: Partial<CloudTrailEvent['userIdentity']> };

let position = 0;

/** A CloudTrail record normalized by the real pipeline code, so p_ fields and indicators are what ingest writes. */
export function cloudTrailEvent(overrides: Overrides = {}): NormalizedEvent {
  position += 1;
  const record: CloudTrailEvent = {
    eventVersion: '1.08',
    eventTime: '2024-05-02T09:15:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    eventID: `event-${position}`,
    sourceIPAddress: '198.51.100.7',
    recipientAccountId: '111122223333',
    ...overrides,
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice', ...overrides.userIdentity },
  };
  return normalize(cloudTrail, record, { sourceId: 'test', sourceLabel: 'test trail', objectId: 'test-object', position }, '2024-05-02T10:00:00.000Z');
}

/** Writes events into the lake layout: logs/<table>/year=…/hour=…/<name>.json.gz, one gzip NDJSON file per hour. */
export function writeLake(lakeDir: string, events: readonly NormalizedEvent[], name = 'events'): void {
  const byFile = new Map<string, NormalizedEvent[]>();
  for (const event of events) {
    const hour = DateTime.fromISO(event.p_event_time, { zone: 'utc' });
    const dir = join(lakeDir, 'logs', tableName(event.p_log_type), hour.toFormat("'year='yyyy/'month='LL/'day='dd/'hour='HH"));
    byFile.set(dir, [...(byFile.get(dir) ?? []), event]);
  }
  for (const [dir, lines] of byFile) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json.gz`), gzipSync(`${lines.map((line) => JSON.stringify(line)).join('\n')}\n`));
  }
}
