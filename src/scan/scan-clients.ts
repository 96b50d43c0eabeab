import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { ACMClient } from '@aws-sdk/client-acm';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { WAFClient } from '@aws-sdk/client-waf';
import { WAFRegionalClient } from '@aws-sdk/client-waf-regional';
import type { ScanClients } from './collector';
import type { AccountAccess, ScanClientFactory } from './scan-accounts';

/**
 * The real client factory, for handlers and the CLI (the scan core never builds clients itself).
 * Clients are cached per account session and region, so one scan builds each client once and the
 * next scan (with fresh credentials) builds its own. The SDK's adaptive retry
 * mode rate-limits each client when AWS starts throttling; retry.ts backs off further on top.
 */
export function createScanClientFactory(options: { maxAttempts?: number } = {}): ScanClientFactory {
  const cache = new WeakMap<AccountAccess, Map<string, ScanClients>>();
  const sdkOptions = (access: AccountAccess, region: string) => ({
    region,
    credentials: access.credentials,
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: 'adaptive' as const,
  });

  const build = (access: AccountAccess, region: string): ScanClients => {
    const byRegion = cache.get(access) ?? new Map<string, ScanClients>();
    cache.set(access, byRegion);
    const cached = byRegion.get(region);
    if (cached) return cached;
    const config = sdkOptions(access, region);
    const clients: ScanClients = {
      s3: new S3Client(config),
      iam: new IAMClient(config),
      ec2: new EC2Client(config),
      cloudtrail: new CloudTrailClient(config),
      kms: new KMSClient(config),
      lambda: new LambdaClient(config),
      dynamodb: new DynamoDBClient(config),
      cloudformation: new CloudFormationClient(config),
      logs: new CloudWatchLogsClient(config),
      acm: new ACMClient(config),
      ecs: new ECSClient(config),
      eks: new EKSClient(config),
      elbv2: new ElasticLoadBalancingV2Client(config),
      guardduty: new GuardDutyClient(config),
      config: new ConfigServiceClient(config),
      rds: new RDSClient(config),
      redshift: new RedshiftClient(config),
      accessanalyzer: new AccessAnalyzerClient(config),
      s3control: new S3ControlClient(config),
      waf: new WAFClient({ ...config, region: 'us-east-1' }),
      wafRegional: new WAFRegionalClient(config),
      s3ForRegion: (bucketRegion) => (bucketRegion === region ? clients.s3 : build(access, bucketRegion).s3),
    };
    byRegion.set(region, clients);
    return clients;
  };
  return build;
}
