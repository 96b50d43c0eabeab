import { cloudTrailDigest } from '../../src/logs/cloudtrail-digest';
import { events, expectGolden, parseFixture } from './golden';

describe('CloudTrail digest files', () => {
  it('are read as one event each, to the reviewed golden output', async () => {
    const records = await parseFixture('cloudtrail-digest/digest.json.gz', [cloudTrailDigest]);
    expectGolden('cloudtrail-digest/digest.json.gz', records);
    expect(events(records)).toHaveLength(1);
    expect(events(records)[0]).toMatchObject({
      awsAccountId: '123456789012',
      p_event_time: '2026-11-22T10:42:11.000Z',
      logFiles: [expect.anything(), expect.anything()],
    });
  });

  it('are stored but never run through detections', () => {
    expect(cloudTrailDigest.detect).toBe(false);
  });

  it('carry the account and the hashes of the log files they vouch for', async () => {
    const [digest] = events(await parseFixture('cloudtrail-digest/digest.json.gz', [cloudTrailDigest]));
    expect(digest).toMatchObject({
      p_any_aws_account_ids: ['123456789012'],
      p_any_sha256_hashes: [
        '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752',
        '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        'a7c4b4a1e0f2d3c5b6a798877665544332211ffeeddccbbaa99887766554433a',
      ],
    });
  });
});
