import { cloudTrail } from '../../src/logs/cloudtrail';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('CloudTrail', () => {
  it('reads a gzip {"Records":[…]} log file, record by record, to the reviewed golden output', async () => {
    const records = await parseFixture('cloudtrail/records.json.gz', [cloudTrail]);
    expectGolden('cloudtrail/records.json.gz', records);
    expect(events(records).map((event) => event['eventName'])).toEqual(['ConsoleLogin', 'AssumeRole', 'CreateUser', 'RunInstances', 'GetObject', 'StopLogging', 'Decrypt', 'PutRolePolicy']);
  });

  it('quarantines records that miss required fields or carry bad ones, by record number', async () => {
    const records = await parseFixture('cloudtrail/records.json.gz', [cloudTrail]);
    expect(quarantined(records)).toEqual([
      { position: 5, quarantined: expect.stringContaining('eventTime') },
      { position: 10, quarantined: expect.stringContaining('awsRegion') },
    ]);
  });

  it('keeps every field as CloudTrail wrote it, nested payloads and unicode included', async () => {
    const [, , , , getObject] = events(await parseFixture('cloudtrail/records.json.gz', [cloudTrail]));
    expect(getObject).toMatchObject({
      eventTime: '2026-11-22T11:04:00.123Z',
      requestParameters: { bucketName: 'prowl-demo-data', key: 'reports/四半期.pdf' },
      additionalEventData: { bytesTransferredOut: 52000 },
      resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::prowl-demo-data/reports/四半期.pdf' }, { accountId: '123456789012', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::prowl-demo-data' }],
      p_event_time: '2026-11-22T11:04:00.123Z',
    });
  });

  it('finds the caller, new credentials, users, instances and tags as indicators', async () => {
    const [login, assumeRole, createUser, runInstances] = events(await parseFixture('cloudtrail/records.json.gz', [cloudTrail]));
    expect(login).toMatchObject({ p_any_ip_addresses: ['203.0.113.50'], p_any_aws_arns: ['arn:aws:iam::123456789012:root'], p_any_aws_account_ids: ['123456789012'] });
    expect(assumeRole).toMatchObject({
      p_any_usernames: ['bob'],
      p_any_trace_ids: ['AKIAEXAMPLEBOB0001', 'ASIAEXAMPLENEWKEY1'],
      p_any_aws_arns: ['arn:aws:iam::123456789012:role/Admin', 'arn:aws:iam::123456789012:user/bob', 'arn:aws:sts::123456789012:assumed-role/Admin/bob-admin'],
    });
    expect(createUser).toMatchObject({
      p_any_usernames: ['Engineer', 'alice@example.com', 'svc-backup'],
      p_any_emails: ['alice@example.com'],
      p_any_aws_tags: ['owner:alice'],
    });
    expect(runInstances).toMatchObject({ p_any_aws_instance_ids: ['i-0123456789abcdef0'], p_any_aws_tags: ['Name:gpu-worker', 'cost-center:ml'] });
  });

  it('reads one record per line, and a broken line costs only that line', async () => {
    const records = await parseFixture('cloudtrail/lines.jsonl', [cloudTrail]);
    expectGolden('cloudtrail/lines.jsonl', records);
    expect(events(records).map((event) => event['eventName'])).toEqual(['ConsoleLogin', 'AssumeRole', 'CreateUser', 'RunInstances']);
    expect(quarantined(records)).toEqual([{ position: 4, quarantined: expect.stringContaining('not JSON') }]);
  });

  it('takes the record out of the EventBridge envelope', async () => {
    const records = await parseFixture('cloudtrail/eventbridge.jsonl', [cloudTrail]);
    expectGolden('cloudtrail/eventbridge.jsonl', records);
    expect(events(records).map((event) => [event['eventName'], event['p_event_time']])).toEqual([
      ['StopLogging', '2026-11-22T11:05:00.000Z'],
      ['ConsoleLogin', '2026-11-22T10:00:05.000Z'],
    ]);
    expect(events(records)[0]).not.toHaveProperty('detail-type');
  });
});
