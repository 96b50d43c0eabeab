import type { Collector } from '../../src/scan/collector';
import { COLLECTORS } from '../../src/scan/collectors';
import { answeringEverything, collectContext, type MockedClients } from './aws-mocks';

/** S3 actions whose IAM names differ from the API operation; every other action is `<service>:<Operation>`. */
const S3_ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
  GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
};

function actionsSent(aws: MockedClients): string[] {
  const services = {
    s3: aws.s3,
    iam: aws.iam,
    ec2: aws.ec2,
    cloudtrail: aws.cloudtrail,
    kms: aws.kms,
    lambda: aws.lambda,
    dynamodb: aws.dynamodb,
    cloudformation: aws.cloudformation,
    logs: aws.logs,
  };
  return Object.entries(services).flatMap(([service, mock]) =>
    mock.calls().map((call) => {
      const operation = (call.args[0] as object).constructor.name.replace(/Command$/, '');
      return service === 's3' ? (S3_ACTIONS[operation] ?? `s3:${operation}`) : `${service}:${operation}`;
    }),
  );
}

describe('collector permissions', () => {
  it.each(COLLECTORS.map((collector) => [collector.resourceType, collector] as [string, Collector]))(
    '%s declares exactly the actions it calls',
    async (_type, collector) => {
      const aws = answeringEverything();

      await collector.collect(aws.clients, collectContext({ region: collector.scope === 'account' ? 'global' : 'us-east-1' }));

      expect([...new Set(actionsSent(aws))].sort()).toEqual([...collector.permissions].sort());
    },
  );
});
