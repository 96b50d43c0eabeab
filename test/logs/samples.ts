import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildCustomLogType } from '../../src/logs/custom-log-type';
import type { LogType } from '../../src/logs/log-type';
import { logTypeByName } from '../../src/logs/registry';
import { FIXTURES } from './golden';

function fixtureText(relative: string): string {
  const bytes = readFileSync(join(FIXTURES, relative));
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

function lines(relative: string): string[] {
  return fixtureText(relative)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

export const appAudit = buildCustomLogType(JSON.parse(fixtureText('custom/app-audit.declaration.json')));

/** Every log type with sample records (lines as written, JSON records as text), taken from the golden fixtures. */
export const SAMPLES: Array<{ logType: LogType; records: string[] }> = [
  {
    logType: logTypeByName('AWS.CloudTrail'),
    records: (JSON.parse(fixtureText('cloudtrail/records.json.gz')) as { Records: unknown[] }).Records.map((record) => JSON.stringify(record)),
  },
  { logType: logTypeByName('AWS.CloudTrailDigest'), records: [fixtureText('cloudtrail-digest/digest.json.gz')] },
  { logType: logTypeByName('AWS.GuardDuty'), records: [...lines('guardduty/eventbridge.jsonl'), ...lines('guardduty/export.jsonl.gz')] },
  { logType: logTypeByName('AWS.S3ServerAccess'), records: lines('s3-server-access/access.log') },
  { logType: logTypeByName('AWS.ALB'), records: lines('alb/access.log') },
  // Headerless lines only: a header (or a line mutated into one) rightly changes how the next line reads.
  { logType: logTypeByName('AWS.VPCFlow'), records: lines('vpc-flow/no-header.log') },
  {
    logType: logTypeByName('AWS.CloudTrailInsight'),
    records: [
      ...(JSON.parse(fixtureText('cloudtrail-insight/insights.json.gz')) as { Records: unknown[] }).Records.map((record) => JSON.stringify(record)),
      ...lines('cloudtrail-insight/eventbridge.jsonl'),
    ],
  },
  { logType: logTypeByName('AWS.VPCDns'), records: lines('vpc-dns/resolver-query-log.jsonl') },
  { logType: logTypeByName('AWS.WAFWebACL'), records: lines('waf/aws-waf-logs-shop-prod.jsonl') },
  { logType: logTypeByName('AWS.CloudWatchEvents'), records: lines('cloudwatch-events/event-bus.jsonl') },
  { logType: logTypeByName('AWS.AuroraMySQLAudit'), records: lines('aurora-mysql-audit/audit.log') },
  { logType: appAudit, records: lines('custom/app-audit.jsonl') },
];
