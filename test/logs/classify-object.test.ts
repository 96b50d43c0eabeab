import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LogType } from '../../src/logs/log-type';
import { parseObject, type ParsedRecord } from '../../src/logs/parse';
import { allLogTypes, logTypeByName } from '../../src/logs/registry';
import { FIXTURES } from './golden';

async function* once(bytes: Buffer | string): AsyncGenerator<Buffer> {
  yield Buffer.from(bytes);
}

async function parse(bytes: Buffer | string, logTypes: LogType[]): Promise<ParsedRecord[]> {
  const found: ParsedRecord[] = [];
  for await (const record of parseObject(once(bytes), {
    logTypes,
    origin: { sourceId: 's', sourceLabel: 'l', objectId: 'o' },
    parseTime: '2026-11-22T12:00:00.000Z',
  }))
    found.push(record);
  return found;
}

const kinds = (records: ParsedRecord[]): string[] =>
  records.map((record) => (record.kind === 'event' ? record.logType.name : `quarantined ${record.position}`));

describe('a source that names no log type (or several)', () => {
  it.each([
    ['s3-server-access/access.log', 'AWS.S3ServerAccess'],
    ['alb/access.log', 'AWS.ALB'],
    ['vpc-flow/default.log', 'AWS.VPCFlow'],
    ['guardduty/export.jsonl.gz', 'AWS.GuardDuty'],
    ['cloudtrail/lines.jsonl', 'AWS.CloudTrail'],
    ['cloudtrail-insight/insights.json.gz', 'AWS.CloudTrailInsight'],
    ['cloudtrail-insight/eventbridge.jsonl', 'AWS.CloudTrailInsight'],
    ['vpc-dns/resolver-query-log.jsonl', 'AWS.VPCDns'],
    ['waf/aws-waf-logs-shop-prod.jsonl', 'AWS.WAFWebACL'],
    ['aurora-mysql-audit/audit.log', 'AWS.AuroraMySQLAudit'],
  ])('recognizes %s as %s by trying every parser', async (fixture, logType) => {
    const bytes = readFileSync(join(FIXTURES, fixture));
    const records = await parse(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes, allLogTypes());
    const events = records.filter((record) => record.kind === 'event');
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((record) => record.logType.name))).toEqual(new Set([logType]));
  });

  it('keeps an EventBridge event no specific type reads as AWS.CloudWatchEvents, and quarantines a broken finding', async () => {
    const records = await parse(readFileSync(join(FIXTURES, 'guardduty/eventbridge.jsonl')), allLogTypes());
    expect(kinds(records)).toEqual(['AWS.GuardDuty', 'AWS.GuardDuty', 'AWS.CloudWatchEvents', 'quarantined 4']);
    expect(records[3]).toMatchObject({ reason: expect.stringContaining('AWS.GuardDuty: ') });
  });

  it('picks, record by record, the type that accepts it when one object mixes types', async () => {
    const guardDuty = readFileSync(join(FIXTURES, 'guardduty/eventbridge.jsonl'), 'utf8').split('\n')[0]!;
    const cloudTrail = readFileSync(join(FIXTURES, 'cloudtrail/eventbridge.jsonl'), 'utf8').split('\n')[0]!;
    expect(kinds(await parse(`${cloudTrail}\n${guardDuty}\n${cloudTrail}\n`, allLogTypes()))).toEqual(['AWS.CloudTrail', 'AWS.GuardDuty', 'AWS.CloudTrail']);
  });

  it("quarantines a record no type accepts with every type's reason", async () => {
    const [record] = await parse('{"hello":"world"}\n', [logTypeByName('AWS.CloudTrail'), logTypeByName('AWS.GuardDuty')]);
    expect(record).toMatchObject({ kind: 'quarantined', position: 1, raw: '{"hello":"world"}' });
    expect(record!.kind === 'quarantined' && record!.reason).toMatch(
      /^no log type accepted the record \(AWS\.CloudTrail: .*eventTime.* \| AWS\.GuardDuty: .*schemaVersion.*\)$/,
    );
  });

  it('quarantines text lines sent to a JSON-only source, one by one, saying why', async () => {
    expect(await parse('not json\nalso not\n', [logTypeByName('AWS.CloudTrail')])).toEqual([
      { kind: 'quarantined', position: 1, reason: 'not JSON: a record starts with { or [', raw: 'not json' },
      { kind: 'quarantined', position: 2, reason: 'not JSON: a record starts with { or [', raw: 'also not' },
    ]);
  });

  it("quarantines JSON sent to a text-lines-only source with the parser's reason", async () => {
    const [record] = await parse('{"a": 1}\n', [logTypeByName('AWS.S3ServerAccess')]);
    expect(record).toMatchObject({ kind: 'quarantined', position: 1, reason: expect.stringContaining('not AWS.S3ServerAccess') });
  });

  it('yields nothing for an empty or blank object', async () => {
    expect(await parse('', allLogTypes())).toEqual([]);
    expect(await parse(' \n\n', allLogTypes())).toEqual([]);
  });
});
