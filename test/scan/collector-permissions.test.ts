import { DescribeKeyCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, ListUserPoliciesCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { Collector } from '../../src/scan/collector';
import { COLLECTORS } from '../../src/scan/collectors';
import { collectContext, mockedClients, type MockedClients } from './aws-mocks';

/** S3 actions whose IAM names differ from the API operation; every other action is `<service>:<Operation>`. */
const S3_ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
  GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
};

/** Every listing returns one item, so every per-resource call is made; everything else answers empty. */
function answeringEverything(): MockedClients {
  const aws = mockedClients();
  aws.s3.onAnyCommand().resolves({});
  aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'b' }] });
  aws.iam.onAnyCommand().resolves({});
  aws.iam.on(ListUsersCommand).resolves({ Users: [{ UserName: 'u', UserId: 'AIDAU', Arn: 'arn:aws:iam::123456789012:user/u', Path: '/', CreateDate: new Date('2025-01-01T00:00:00Z') }] });
  aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  aws.iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode('user,arn\n') });
  aws.iam.on(ListUserPoliciesCommand).resolves({ PolicyNames: ['inline'] });
  aws.ec2.onAnyCommand().resolves({});
  aws.cloudtrail.onAnyCommand().resolves({});
  aws.cloudtrail.on(ListTrailsCommand).resolves({ Trails: [{ TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t', HomeRegion: 'us-east-1' }] });
  aws.kms.onAnyCommand().resolves({});
  aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k' }] });
  aws.kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'k', KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } });
  return aws;
}

function actionsSent(aws: MockedClients): string[] {
  const services = { s3: aws.s3, iam: aws.iam, ec2: aws.ec2, cloudtrail: aws.cloudtrail, kms: aws.kms };
  return Object.entries(services).flatMap(([service, mock]) =>
    mock.calls().map((call) => {
      const operation = (call.args[0] as object).constructor.name.replace(/Command$/, '');
      return service === 's3' ? (S3_ACTIONS[operation] ?? `s3:${operation}`) : `${service}:${operation}`;
    }),
  );
}

describe('collector permissions', () => {
  it.each(COLLECTORS.map((collector) => [collector.resourceType, collector] as [string, Collector]))('%s declares exactly the actions it calls', async (_type, collector) => {
    const aws = answeringEverything();

    await collector.collect(aws.clients, collectContext({ region: collector.scope === 'account' ? 'global' : 'us-east-1' }));

    expect([...new Set(actionsSent(aws))].sort()).toEqual([...collector.permissions].sort());
  });
});
