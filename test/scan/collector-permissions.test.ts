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

/** S3 Control's account-level calls are s3 actions named for the account. */
const S3_CONTROL_ACTIONS: Record<string, string> = {
  GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
};

/** Each mocked client's IAM service prefix, where it is not the client's name. */
const PREFIXES: Record<string, string> = { elbv2: 'elasticloadbalancing', accessanalyzer: 'access-analyzer', wafRegional: 'waf-regional' };

function actionsSent(aws: MockedClients): string[] {
  const services: Record<string, { calls(): Array<{ args: unknown[] }> }> = {
    s3: aws.s3,
    iam: aws.iam,
    ec2: aws.ec2,
    cloudtrail: aws.cloudtrail,
    kms: aws.kms,
    lambda: aws.lambda,
    dynamodb: aws.dynamodb,
    cloudformation: aws.cloudformation,
    logs: aws.logs,
    acm: aws.acm,
    ecs: aws.ecs,
    eks: aws.eks,
    elbv2: aws.elbv2,
    guardduty: aws.guardduty,
    config: aws.config,
    rds: aws.rds,
    redshift: aws.redshift,
    accessanalyzer: aws.accessanalyzer,
    s3control: aws.s3control,
    waf: aws.waf,
    wafRegional: aws.wafRegional,
  };
  return Object.entries(services).flatMap(([service, mock]) =>
    mock.calls().map((call) => {
      const operation = (call.args[0] as object).constructor.name.replace(/Command$/, '');
      if (service === 's3') return S3_ACTIONS[operation] ?? `s3:${operation}`;
      if (service === 's3control') return S3_CONTROL_ACTIONS[operation] ?? `s3:${operation}`;
      return `${PREFIXES[service] ?? service}:${operation}`;
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
