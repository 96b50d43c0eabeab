import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { collectS3Buckets } from '../../src/scan/collectors/s3-bucket';
import { awsError, collectContext, mockedClients, type MockedClients } from './aws-mocks';

const ctx = collectContext({ region: 'global' });

/** A bucket with nothing configured: S3 answers each "get configuration" with its not-found code. */
function unconfigured(mock: MockedClients['s3']): void {
  mock.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 404));
  mock.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
  mock.on(GetBucketAclCommand).resolves({ Owner: { ID: 'owner-id' }, Grants: [] });
  mock.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
  mock.on(GetBucketPolicyStatusCommand).rejects(awsError('NoSuchBucketPolicy', 404));
  mock.on(GetBucketVersioningCommand).resolves({});
  mock.on(GetBucketLoggingCommand).resolves({});
  mock.on(GetObjectLockConfigurationCommand).rejects(awsError('ObjectLockConfigurationNotFoundError', 404));
  mock.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet', 404));
  mock.on(GetBucketLifecycleConfigurationCommand).rejects(awsError('NoSuchLifecycleConfiguration', 404));
}

describe('collectS3Buckets', () => {
  it('normalizes a fully configured bucket', async () => {
    const aws = mockedClients();
    aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'acme-data', BucketRegion: 'us-east-1', CreationDate: new Date('2025-03-01T12:00:00Z') }] });
    aws.s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'key-arn' }, BucketKeyEnabled: true }],
      },
    });
    aws.s3
      .on(GetPublicAccessBlockCommand)
      .resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true } });
    aws.s3.on(GetBucketAclCommand).resolves({
      Owner: { ID: 'owner-id', DisplayName: 'acme' },
      Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' }],
    });
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
    aws.s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
    aws.s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled', MFADelete: 'Enabled' });
    aws.s3.on(GetBucketLoggingCommand).resolves({ LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'acme-data/' } });
    aws.s3
      .on(GetObjectLockConfigurationCommand)
      .resolves({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } } });
    aws.s3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'team', Value: 'data' }] });
    aws.s3.on(GetBucketLifecycleConfigurationCommand).resolves({ Rules: [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 365 } }] });

    const result = await collectS3Buckets(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    // Panther's shape: the API's own field names and nesting, absent values null.
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.S3.Bucket',
        ResourceId: 'arn:aws:s3:::acme-data',
        AccountId: '123456789012',
        Region: 'us-east-1',
        Arn: 'arn:aws:s3:::acme-data',
        Id: null,
        Name: 'acme-data',
        Tags: { team: 'data' },
        TimeCreated: '2025-03-01T12:00:00.000Z',
        EncryptionRules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'key-arn' }, BucketKeyEnabled: true }],
        Grants: [
          {
            Grantee: { Type: 'Group', ID: null, URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery', DisplayName: null, EmailAddress: null },
            Permission: 'WRITE',
          },
        ],
        LifecycleRules: [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 365 } }],
        LoggingPolicy: { TargetBucket: 'logs', TargetPrefix: 'acme-data/', TargetGrants: null },
        MFADelete: 'Enabled',
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } },
        Owner: { ID: 'owner-id', DisplayName: 'acme' },
        Policy: '{"Version":"2012-10-17","Statement":[]}',
        // As S3 returned it: an unset flag stays null.
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: null },
        Versioning: 'Enabled',
        PolicyIsPublic: false,
      },
    ]);
  });

  it('reads S3\'s not-found answers as "not configured", not as errors', async () => {
    const aws = mockedClients();
    aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'bare', BucketRegion: 'us-east-1' }] });
    unconfigured(aws.s3);

    const result = await collectS3Buckets(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources[0]).toMatchObject({
      EncryptionRules: null,
      PublicAccessBlockConfiguration: null,
      Policy: null,
      PolicyIsPublic: null,
      Versioning: null,
      MFADelete: null,
      LoggingPolicy: null,
      ObjectLockConfiguration: null,
      LifecycleRules: null,
      Tags: null,
    });
  });

  it("reads each bucket's configuration in the bucket's own region, asking S3 where a bucket lives when the listing does not say", async () => {
    const aws = mockedClients();
    aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'old-eu' }, { Name: 'old-virginia' }] });
    aws.s3.on(GetBucketLocationCommand, { Bucket: 'old-eu' }).resolves({ LocationConstraint: 'EU' });
    aws.s3.on(GetBucketLocationCommand, { Bucket: 'old-virginia' }).resolves({});
    unconfigured(aws.s3);
    unconfigured(aws.s3Regional);

    const result = await collectS3Buckets(aws.clients, ctx);

    expect(result.resources.map((r) => [r.ResourceId, r.Region])).toEqual([
      ['arn:aws:s3:::old-eu', 'eu-west-1'],
      ['arn:aws:s3:::old-virginia', 'us-east-1'],
    ]);
    expect(aws.s3Regional.commandCalls(GetBucketAclCommand).map((call) => call.args[0].input.Bucket)).toEqual(['old-eu']);
    expect(aws.s3.commandCalls(GetBucketAclCommand).map((call) => call.args[0].input.Bucket)).toEqual(['old-virginia']);
  });

  it('asks S3 to refuse buckets the scanned account does not own', async () => {
    const aws = mockedClients();
    aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'mine', BucketRegion: 'us-east-1' }] });
    unconfigured(aws.s3);

    await collectS3Buckets(aws.clients, ctx);

    const perBucket = aws.s3
      .calls()
      .slice(1)
      .map((call) => (call.args[0] as { input: { ExpectedBucketOwner?: string } }).input.ExpectedBucketOwner);
    expect(perBucket.length).toBeGreaterThan(0);
    expect(new Set(perBucket)).toEqual(new Set(['123456789012']));
  });

  it('skips a bucket deleted between the listing and its describe, without an error', async () => {
    const aws = mockedClients();
    aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'gone', BucketRegion: 'us-east-1' }] });
    unconfigured(aws.s3);
    aws.s3.on(GetBucketAclCommand).rejects(awsError('NoSuchBucket', 404));

    expect(await collectS3Buckets(aws.clients, ctx)).toEqual({ resources: [], errors: [] });
  });
});
