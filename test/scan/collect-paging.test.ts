import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { collectEc2SecurityGroups } from '../../src/scan/collectors/ec2-security-group';
import { collectIamUsers } from '../../src/scan/collectors/iam-user';
import { collectKmsKeys } from '../../src/scan/collectors/kms-key';
import { collectS3Buckets } from '../../src/scan/collectors/s3-bucket';
import { collectContext, mockedClients, pagesByToken, quietIamUsers } from './aws-mocks';

function user(name: string): { UserName: string; UserId: string; Arn: string; Path: string; CreateDate: Date } {
  return { UserName: name, UserId: `AIDA${name}`, Arn: `arn:aws:iam::123456789012:user/${name}`, Path: '/', CreateDate: new Date('2025-01-01T00:00:00Z') };
}

describe('collectors read every page of a listing', () => {
  it('collects IAM users from every page, following the Marker', async () => {
    const aws = mockedClients();
    const listing = pagesByToken('Marker', {
      '': { Users: [user('alice')], IsTruncated: true, Marker: 'page-2' },
      'page-2': { Users: [user('bob')], IsTruncated: false },
    });
    aws.iam.on(ListUsersCommand).callsFake(listing.serve);
    quietIamUsers(aws);

    const result = await collectIamUsers(aws.clients, collectContext());

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.ResourceId)).toEqual(['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/bob']);
    expect(listing.asked).toEqual([undefined, 'page-2']);
  });

  it('collects security groups from every page, following the NextToken', async () => {
    const aws = mockedClients();
    const listing = pagesByToken('NextToken', {
      '': { SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'a' }], NextToken: 't2' },
      t2: { SecurityGroups: [{ GroupId: 'sg-2', GroupName: 'b' }], NextToken: 't3' },
      t3: { SecurityGroups: [{ GroupId: 'sg-3', GroupName: 'default' }] },
    });
    aws.ec2.on(DescribeSecurityGroupsCommand).callsFake(listing.serve);

    const result = await collectEc2SecurityGroups(aws.clients, collectContext());

    expect(result.resources.map((r) => r.ResourceId)).toEqual([
      'arn:aws:ec2:us-east-1:123456789012:security-group/sg-1',
      'arn:aws:ec2:us-east-1:123456789012:security-group/sg-2',
      'arn:aws:ec2:us-east-1:123456789012:security-group/sg-3',
    ]);
    expect(listing.asked).toEqual([undefined, 't2', 't3']);
  });

  it("collects KMS keys from every page, following NextMarker, and pages through each key's tags", async () => {
    const aws = mockedClients();
    const keys = pagesByToken('Marker', {
      '': { Keys: [{ KeyId: 'k1' }], Truncated: true, NextMarker: 'm2' },
      m2: { Keys: [{ KeyId: 'k2' }], Truncated: false },
    });
    aws.kms.on(ListKeysCommand).callsFake(keys.serve);
    aws.kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => ({
      KeyMetadata: {
        KeyId: input.KeyId,
        Arn: `arn:aws:kms:us-east-1:123456789012:key/${input.KeyId}`,
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
      },
    }));
    aws.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    const k1Tags = pagesByToken('Marker', {
      '': { Tags: [{ TagKey: 'team', TagValue: 'payments' }], Truncated: true, NextMarker: 'tags-2' },
      'tags-2': { Tags: [{ TagKey: 'env', TagValue: 'prod' }], Truncated: false },
    });
    aws.kms.on(ListResourceTagsCommand, { KeyId: 'k1' }).callsFake(k1Tags.serve);
    aws.kms.on(ListResourceTagsCommand, { KeyId: 'k2' }).resolves({ Tags: [] });

    const result = await collectKmsKeys(aws.clients, collectContext());

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.ResourceId, r.Tags])).toEqual([
      ['arn:aws:kms:us-east-1:123456789012:key/k1', { team: 'payments', env: 'prod' }],
      ['arn:aws:kms:us-east-1:123456789012:key/k2', null],
    ]);
    expect(keys.asked).toEqual([undefined, 'm2']);
    expect(k1Tags.asked).toEqual([undefined, 'tags-2']);
  });

  it('lists S3 buckets from every page, following the ContinuationToken', async () => {
    const aws = mockedClients();
    const listing = pagesByToken('ContinuationToken', {
      '': { Buckets: [{ Name: 'one', BucketRegion: 'us-east-1' }], ContinuationToken: 'c2' },
      c2: { Buckets: [{ Name: 'two', BucketRegion: 'us-east-1' }] },
    });
    // Every per-bucket call answers with an empty configuration, which the collector accepts.
    aws.s3.onAnyCommand().resolves({});
    aws.s3.on(ListBucketsCommand).callsFake(listing.serve);

    const result = await collectS3Buckets(aws.clients, collectContext({ region: 'global' }));

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.ResourceId)).toEqual(['arn:aws:s3:::one', 'arn:aws:s3:::two']);
    expect(listing.asked).toEqual([undefined, 'c2']);
  });
});
