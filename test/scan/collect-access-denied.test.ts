import { DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { GetBucketPolicyCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { collectEc2NetworkAcls } from '../../src/scan/collectors/ec2-network-acl';
import { collectKmsKeys } from '../../src/scan/collectors/kms-key';
import { collectS3Buckets } from '../../src/scan/collectors/s3-bucket';
import { accessDenied, collectContext, mockedClients } from './aws-mocks';

describe('access denied on one resource is recorded and the scan goes on', () => {
  it('reports the bucket whose policy the role may not read, and collects the other buckets', async () => {
    const aws = mockedClients();
    aws.s3.onAnyCommand().resolves({});
    aws.s3.on(ListBucketsCommand).resolves({
      Buckets: [
        { Name: 'open-book', BucketRegion: 'us-east-1' },
        { Name: 'locked', BucketRegion: 'us-east-1' },
        { Name: 'another', BucketRegion: 'us-east-1' },
      ],
    });
    aws.s3.on(GetBucketPolicyCommand, { Bucket: 'locked' }).rejects(accessDenied());

    const result = await collectS3Buckets(aws.clients, collectContext({ region: 'global' }));

    expect(result.resources.map((r) => r.ResourceId)).toEqual(['arn:aws:s3:::open-book', 'arn:aws:s3:::another']);
    expect(result.errors).toEqual([
      {
        accountId: '123456789012',
        region: 'global',
        resourceType: 'AWS.S3.Bucket',
        resourceId: 'arn:aws:s3:::locked',
        operation: 'GetBucketPolicy',
        kind: 'access-denied',
        code: 'AccessDenied',
        message: 'AccessDenied (mocked)',
      },
    ]);
    // Denied is an answer, not a hiccup: asking again would only slow the scan.
    expect(aws.s3.commandCalls(GetBucketPolicyCommand, { Bucket: 'locked' })).toHaveLength(1);
  });

  it('reports a KMS key whose key policy shuts the audit role out, and collects the other keys', async () => {
    const aws = mockedClients();
    aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'private' }, { KeyId: 'shared' }] });
    aws.kms.on(DescribeKeyCommand, { KeyId: 'private' }).rejects(accessDenied('AccessDeniedException'));
    aws.kms.on(DescribeKeyCommand, { KeyId: 'shared' }).resolves({
      KeyMetadata: {
        KeyId: 'shared',
        Arn: 'arn:aws:kms:us-east-1:123456789012:key/shared',
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
      },
    });
    aws.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    aws.kms.on(ListResourceTagsCommand).resolves({});

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.resources.map((r) => r.ResourceId)).toEqual(['arn:aws:kms:us-east-1:123456789012:key/shared']);
    expect(result.errors).toEqual([
      expect.objectContaining({
        resourceId: 'arn:aws:kms:us-east-1:123456789012:key/private',
        operation: 'DescribeKey',
        kind: 'access-denied',
        code: 'AccessDeniedException',
      }),
    ]);
  });

  it('reports a denied listing once for the whole type, without a resource id', async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeNetworkAclsCommand).rejects(accessDenied('UnauthorizedOperation'));

    const result = await collectEc2NetworkAcls(aws.clients, collectContext({ region: 'eu-west-1' }));

    expect(result).toEqual({
      resources: [],
      errors: [
        {
          accountId: '123456789012',
          region: 'eu-west-1',
          resourceType: 'AWS.EC2.NetworkACL',
          operation: 'DescribeNetworkAcls',
          kind: 'access-denied',
          code: 'UnauthorizedOperation',
          message: 'UnauthorizedOperation (mocked)',
        },
      ],
    });
  });
});
