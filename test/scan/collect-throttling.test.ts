import { ListUsersCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { GetBucketPolicyCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { collectIamUsers } from '../../src/scan/collectors/iam-user';
import { collectKmsKeys } from '../../src/scan/collectors/kms-key';
import { collectS3Buckets } from '../../src/scan/collectors/s3-bucket';
import { awsError, collectContext, mockedClients, pagesByToken, recordingSleep, throttled, quietIamUsers } from './aws-mocks';

function user(name: string): { UserName: string; UserId: string; Arn: string } {
  return { UserName: name, UserId: `AIDA${name}`, Arn: `arn:aws:iam::123456789012:user/${name}` };
}

describe('collectors retry throttled calls', () => {
  it('resumes a listing from the throttled page instead of starting over', async () => {
    const aws = mockedClients();
    const listing = pagesByToken('Marker', {
      '': { Users: [user('alice')], IsTruncated: true, Marker: 'page-2' },
      'page-2': { Users: [user('bob')], IsTruncated: false },
    });
    let throttledOnce = false;
    aws.iam.on(ListUsersCommand).callsFake((input: { Marker?: string }) => {
      if (input.Marker === 'page-2' && !throttledOnce) {
        throttledOnce = true;
        listing.asked.push(input.Marker);
        throw throttled();
      }
      return listing.serve(input);
    });
    quietIamUsers(aws);
    const { sleep, delays } = recordingSleep();

    const result = await collectIamUsers(aws.clients, collectContext({ retry: { ...collectContext().retry, sleep } }));

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.ResourceId)).toEqual(['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/bob']);
    expect(listing.asked).toEqual([undefined, 'page-2', 'page-2']);
    expect(delays).toHaveLength(1);
  });

  it('retries a throttled per-resource call until it succeeds', async () => {
    const aws = mockedClients();
    aws.s3.onAnyCommand().resolves({});
    aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'data', BucketRegion: 'us-east-1' }] });
    aws.s3
      .on(GetBucketPolicyCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(awsError('SlowDown', 503))
      .resolves({ Policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] }) });
    const { sleep, delays } = recordingSleep();

    const result = await collectS3Buckets(aws.clients, collectContext({ region: 'global', retry: { ...collectContext().retry, sleep } }));

    expect(result.errors).toEqual([]);
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0]).toMatchObject({ Policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] }) });
    expect(aws.s3.commandCalls(GetBucketPolicyCommand)).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('records a resource whose calls stay throttled as a throttled collection error, and collects the rest', async () => {
    const aws = mockedClients();
    aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'busy' }, { KeyId: 'calm' }] });
    aws.kms.on(DescribeKeyCommand, { KeyId: 'busy' }).rejects(throttled());
    aws.kms.on(DescribeKeyCommand, { KeyId: 'calm' }).resolves({
      KeyMetadata: {
        KeyId: 'calm',
        Arn: 'arn:aws:kms:us-east-1:123456789012:key/calm',
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
      },
    });
    aws.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
    aws.kms.on(ListResourceTagsCommand).resolves({});

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.resources.map((r) => r.ResourceId)).toEqual(['arn:aws:kms:us-east-1:123456789012:key/calm']);
    expect(result.errors).toEqual([
      {
        accountId: '123456789012',
        region: 'us-east-1',
        resourceType: 'AWS.KMS.Key',
        resourceId: 'arn:aws:kms:us-east-1:123456789012:key/busy',
        operation: 'DescribeKey',
        kind: 'throttled',
        code: 'Throttling',
        message: 'Throttling (mocked)',
      },
    ]);
    // maxAttempts is 3 in the test context: the first call and two retries.
    expect(aws.kms.commandCalls(DescribeKeyCommand, { KeyId: 'busy' })).toHaveLength(3);
  });
});
