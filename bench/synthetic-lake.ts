/**
 * A synthetic CloudTrail lake for the search benchmarks: normalized events written straight into
 * the lake's layout as gzip NDJSON (no parsing or ingest on the way), deterministic so every run
 * searches the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { random } from './synthetic-logs';

/** One event in a thousand comes from this address: what the indicator searches look for. */
export const TARGET_IP = '203.0.113.77';
const NAMES = [
  'GetObject',
  'PutObject',
  'DescribeInstances',
  'AssumeRole',
  'GetCallerIdentity',
  'ListBuckets',
  'Decrypt',
  'ConsoleLogin',
  'CreateLogStream',
  'PutLogEvents',
];
const SOURCES = [
  's3.amazonaws.com',
  's3.amazonaws.com',
  'ec2.amazonaws.com',
  'sts.amazonaws.com',
  'sts.amazonaws.com',
  's3.amazonaws.com',
  'kms.amazonaws.com',
  'signin.amazonaws.com',
  'logs.amazonaws.com',
  'logs.amazonaws.com',
];
const USERS = Array.from({ length: 200 }, (_, index) => `user${index}`);
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];

/**
 * One normalized CloudTrail event as a JSON line, built as a string: JSON.stringify of a fresh
 * object per event would dominate the run. Every value is from fixed lists or digits, so none
 * needs escaping.
 */
function eventLine(next: () => number, millis: number, index: number): string {
  const pick = Math.floor(next() * NAMES.length);
  const rare = next();
  const admin = rare < 0.0005;
  const eventName = admin ? 'DeleteTrail' : NAMES[pick]!;
  const eventSource = admin ? 'cloudtrail.amazonaws.com' : SOURCES[pick]!;
  const account = ACCOUNTS[Math.floor(next() * ACCOUNTS.length)]!;
  const user = admin ? 'admin' : USERS[Math.floor(next() * USERS.length)]!;
  const ip = rare > 0.999 ? TARGET_IP : `${10 + Math.floor(next() * 200)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}`;
  const arn = `arn:aws:iam::${account}:user/${user}`;
  const key = `AKIA${String(index % 100_000).padStart(16, '0')}`;
  const iso = new Date(millis).toISOString();
  const id = `${index.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return (
    `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDA${index % 9973}","arn":"${arn}","accountId":"${account}","accessKeyId":"${key}","userName":"${user}"},` +
    `"eventTime":"${iso.replace('.000Z', 'Z')}","eventSource":"${eventSource}","eventName":"${eventName}","awsRegion":"us-east-1","sourceIPAddress":"${ip}",` +
    `"userAgent":"aws-cli/2.15.0 Python/3.11.6 Linux/6.1","requestParameters":{"bucketName":"bucket-${index % 50}"},"responseElements":null,` +
    `"requestID":"${id}","eventID":"${id}","readOnly":${pick % 3 !== 1},"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"${account}","eventCategory":"Management",` +
    `"p_log_type":"AWS.CloudTrail","p_row_id":"${id.replace(/-/g, '')}","p_event_time":"${iso}","p_parse_time":"${iso}","p_source_id":"bench","p_source_label":"bench trail",` +
    `"p_any_ip_addresses":["${ip}"],"p_any_aws_account_ids":["${account}"],"p_any_aws_arns":["${arn}"],"p_any_usernames":["${user}"],"p_any_trace_ids":["${key}"]}`
  );
}

/**
 * Writes the lake one file at a time. Plain synchronous gzip at the fastest level measured faster
 * here than async gzip on the thread pool, whose chunks wait on a main thread busy building lines.
 */
export function writeCloudTrailLake(lakeDir: string, options: { events: number; hours: number; end: DateTime; filesPerHour: number }): { bytes: number } {
  const { events, hours, end, filesPerHour } = options;
  const perFile = Math.ceil(events / (hours * filesPerHour));
  let written = 0;
  let bytes = 0;
  for (let hour = 0; hour < hours; hour += 1) {
    const start = end.minus({ hours: hours - hour }).toMillis();
    const dir = join(lakeDir, 'logs', 'aws_cloudtrail', DateTime.fromMillis(start, { zone: 'utc' }).toFormat("'year='yyyy/'month='LL/'day='dd/'hour='HH"));
    mkdirSync(dir, { recursive: true });
    for (let file = 0; file < filesPerHour; file += 1) {
      const count = Math.min(perFile, events - written);
      const next = random(written + 1);
      const lines = new Array<string>(count);
      for (let index = 0; index < count; index += 1) {
        // Spread over the hour, interleaved between the hour's files.
        const offset = Math.floor(((index * filesPerHour + file) / (count * filesPerHour)) * 3_600_000);
        lines[index] = eventLine(next, start + offset, written + index);
      }
      const body = gzipSync(`${lines.join('\n')}\n`, { level: constants.Z_BEST_SPEED });
      writeFileSync(join(dir, `bench-${file}.json.gz`), body);
      bytes += body.length;
      written += count;
    }
  }
  return { bytes };
}
