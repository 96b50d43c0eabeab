import { cloudTrail } from '../../src/logs/cloudtrail';
import { cloudTrailInsight } from '../../src/logs/cloudtrail-insight';
import { logTypesForObject } from '../../src/logs/sources';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('CloudTrail Insights events (AWS.CloudTrailInsight)', () => {
  it('are read from the trail\'s gzip {"Records":[…]} Insights files, to the reviewed golden output', async () => {
    const records = await parseFixture('cloudtrail-insight/insights.json.gz', [cloudTrailInsight]);
    expectGolden('cloudtrail-insight/insights.json.gz', records);
    expect(
      events(records).map((event) => [
        (event['insightDetails'] as { eventName: string }).eventName,
        (event['insightDetails'] as { state: string }).state,
        event['p_event_time'],
      ]),
    ).toEqual([
      ['CreateAccessKey', 'Start', '2026-11-22T09:58:00.000Z'],
      ['CreateAccessKey', 'End', '2026-11-22T10:09:00.000Z'],
      ['Decrypt', 'Start', '2026-11-22T10:02:00.000Z'],
    ]);
  });

  it('quarantine a record that is not an Insights event', async () => {
    const records = await parseFixture('cloudtrail-insight/insights.json.gz', [cloudTrailInsight]);
    expect(quarantined(records)).toEqual([{ position: 4, quarantined: expect.stringContaining('AwsCloudTrailInsight') }]);
  });

  it('come out of their EventBridge envelope, even when CloudTrail is tried first', async () => {
    const records = await parseFixture('cloudtrail-insight/eventbridge.jsonl', [cloudTrail, cloudTrailInsight]);
    expectGolden('cloudtrail-insight/eventbridge.jsonl', records);
    expect(events(records)).toHaveLength(1);
    expect(events(records)[0]).toMatchObject({ p_log_type: 'AWS.CloudTrailInsight', insightDetails: { eventName: 'PutBucketPolicy' } });
    expect(events(records)[0]).not.toHaveProperty('detail-type');
  });

  it("carry the account and the id shared by an insight's Start and End events", async () => {
    const [start, end] = events(await parseFixture('cloudtrail-insight/insights.json.gz', [cloudTrailInsight]));
    expect(start).toMatchObject({ p_any_aws_account_ids: ['123456789012'], p_any_trace_ids: ['4d1a7c2e-9b3f-4e6a-8c5d-2f1e0a9b8c7d'] });
    expect(end!['p_any_trace_ids']).toEqual(start!['p_any_trace_ids']);
  });

  it('are recognized by their folder beside the trail, even on a source that lists only AWS.CloudTrail', () => {
    const key =
      'AWSLogs/o-a1b2c3d4e5/123456789012/CloudTrail-Insight/us-east-1/2026/11/22/123456789012_CloudTrail-Insight_us-east-1_20261122T1000Z_a1B2c3D4e5F6g7H8.json.gz';
    expect(logTypesForObject(['AWS.CloudTrail'], key).map((logType) => logType.name)).toEqual(['AWS.CloudTrailInsight']);
    expect(logTypesForObject([], key).map((logType) => logType.name)).toEqual(['AWS.CloudTrailInsight']);
  });
});
