import { cloudTrail } from '../../src/logs/cloudtrail';
import { normalize, rowId } from '../../src/logs/normalize';
import { cloudTrailEvent } from '../helpers/cloudtrail-files';

const origin = { sourceId: 'raw/AWSLogs/', sourceLabel: 'cloudtrail', objectId: 'raw/AWSLogs/a.json.gz@etag1', position: 7 };
const parseTime = '2026-11-22T12:00:00.000Z';

describe('normalizing an event', () => {
  it("adds every p_ field and keeps the log type's own fields unchanged", () => {
    const event = cloudTrailEvent({ eventTime: '2026-11-22T10:00:00Z' });
    const normalized = normalize(cloudTrail, event, origin, parseTime);
    expect(normalized).toMatchObject({
      ...event,
      p_log_type: 'AWS.CloudTrail',
      p_row_id: rowId(origin),
      p_event_time: '2026-11-22T10:00:00.000Z',
      p_parse_time: parseTime,
      p_source_id: 'raw/AWSLogs/',
      p_source_label: 'cloudtrail',
    });
    expect(event).not.toHaveProperty('p_log_type');
  });

  it('gives the same row id to the same object and position, and a different one otherwise', () => {
    expect(rowId(origin)).toBe(rowId({ ...origin }));
    expect(rowId(origin)).toMatch(/^[0-9a-f]{32}$/);
    expect(
      new Set([
        rowId(origin),
        rowId({ ...origin, position: 8 }),
        rowId({ ...origin, objectId: 'raw/AWSLogs/a.json.gz@etag2' }),
        rowId({ ...origin, sourceId: 'other/' }),
      ]).size,
    ).toBe(4);
  });

  it('converts the event time to UTC with milliseconds', () => {
    expect(normalize(cloudTrail, cloudTrailEvent({ eventTime: '2026-11-22T11:30:00+01:30' }), origin, parseTime).p_event_time).toBe('2026-11-22T10:00:00.000Z');
    expect(normalize(cloudTrail, cloudTrailEvent({ eventTime: '2026-11-22T10:00:00.123456Z' }), origin, parseTime).p_event_time).toBe(
      '2026-11-22T10:00:00.123Z',
    );
  });

  it('falls back to the parse time when the event has no usable time', () => {
    expect(normalize(cloudTrail, cloudTrailEvent({ eventTime: 'not a time' }), origin, parseTime).p_event_time).toBe(parseTime);
  });

  it('lists indicators sorted and once each, and leaves out the empty lists', () => {
    const event = cloudTrailEvent({
      sourceIPAddress: '198.51.100.9',
      resources: [
        { ARN: 'arn:aws:s3:::zeta', accountId: '210987654321' },
        { ARN: 'arn:aws:s3:::alpha', accountId: '123456789012' },
        { ARN: 'arn:aws:s3:::alpha', accountId: '123456789012' },
      ],
    });
    const normalized = normalize(cloudTrail, event, origin, parseTime);
    expect(normalized.p_any_aws_account_ids).toEqual(['123456789012', '210987654321']);
    expect(normalized.p_any_aws_arns).toEqual(['arn:aws:s3:::alpha', 'arn:aws:s3:::zeta', 'arn:aws:sts::123456789012:assumed-role/Engineer/alice']);
    expect(normalized).not.toHaveProperty('p_any_md5_hashes');
    expect(normalized).not.toHaveProperty('p_any_domain_names');
  });
});
