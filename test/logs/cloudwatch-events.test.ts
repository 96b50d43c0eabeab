import { cloudWatchEvents } from '../../src/logs/cloudwatch-events';
import { allLogTypes } from '../../src/logs/registry';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('EventBridge events (AWS.CloudWatchEvents)', () => {
  it('are kept whole, envelope and detail, to the reviewed golden output', async () => {
    const records = await parseFixture('cloudwatch-events/event-bus.jsonl', [cloudWatchEvents]);
    expectGolden('cloudwatch-events/event-bus.jsonl', records);
    expect(events(records).map((event) => [event['detail-type'], event['p_event_time']])).toEqual([
      ['EC2 Instance State-change Notification', '2026-11-22T10:00:01.000Z'],
      ['ECR Image Scan', '2026-11-22T10:00:02.000Z'],
      ['Order Placed', '2026-11-22T10:00:04.250Z'],
      ['AWS Health Event', '2026-11-22T10:00:05.000Z'],
    ]);
    expect(events(records)[1]).toMatchObject({ detail: { 'finding-severity-counts': { CRITICAL: 2 } } });
    expect(quarantined(records)).toEqual([
      { position: 3, quarantined: expect.stringContaining('no specific log type reads') },
      { position: 6, quarantined: expect.stringContaining('detail') },
    ]);
  });

  it('take only what no more specific type claims, whatever came before, and never an event of a claimed detail-type', async () => {
    const records = await parseFixture('cloudwatch-events/event-bus.jsonl', allLogTypes());
    expect(events(records).map((event) => event['p_log_type'])).toEqual([
      'AWS.CloudWatchEvents',
      'AWS.CloudWatchEvents',
      'AWS.CloudTrail',
      'AWS.CloudWatchEvents',
      'AWS.CloudWatchEvents',
    ]);
    expect(events(records)[2]).toMatchObject({ eventName: 'CreateAccessKey' });
  });

  it('carry the account, the resource ARNs and what the detail names, as Panther v1 extracts them', async () => {
    const [ec2, , order, health] = events(await parseFixture('cloudwatch-events/event-bus.jsonl', [cloudWatchEvents]));
    expect(ec2).toMatchObject({
      p_any_aws_account_ids: ['123456789012'],
      p_any_aws_arns: ['arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f60718'],
      p_any_aws_instance_ids: ['i-0a1b2c3d4e5f60718'],
    });
    expect(order).toMatchObject({ p_any_aws_account_ids: ['123456789012', '210987654321'], p_any_aws_tags: ['channel:web'] });
    expect(health).toMatchObject({
      p_any_aws_arns: [
        'arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_90b0ff1f-1d5a-4c16-9c4c-7d2a4b8b4e1f',
      ],
    });
  });
});
