import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import type { ACMClient } from '@aws-sdk/client-acm';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { RedshiftClient } from '@aws-sdk/client-redshift';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { WAFClient } from '@aws-sdk/client-waf';
import type { WAFRegionalClient } from '@aws-sdk/client-waf-regional';
import type { CollectContext, CollectionResult } from './collection';
import type { ResourceTypeName } from './resource-types';

/** The SDK clients for one account and region, built by an injected factory (tests pass mocks). */
export interface ScanClients {
  s3: S3Client;
  iam: IAMClient;
  ec2: EC2Client;
  cloudtrail: CloudTrailClient;
  kms: KMSClient;
  lambda: LambdaClient;
  dynamodb: DynamoDBClient;
  cloudformation: CloudFormationClient;
  logs: CloudWatchLogsClient;
  acm: ACMClient;
  ecs: ECSClient;
  eks: EKSClient;
  elbv2: ElasticLoadBalancingV2Client;
  guardduty: GuardDutyClient;
  config: ConfigServiceClient;
  rds: RDSClient;
  redshift: RedshiftClient;
  accessanalyzer: AccessAnalyzerClient;
  s3control: S3ControlClient;
  /** WAF Classic's global web ACLs (CloudFront's): its one endpoint is in us-east-1, whatever the home region. */
  waf: WAFClient;
  /** WAF Classic's regional web ACLs (ALB's, API Gateway's), in this region. */
  wafRegional: WAFRegionalClient;
  /** An S3 client in another region of the same account: bucket configuration is read where the bucket lives. */
  s3ForRegion(region: string): S3Client;
}

export interface Collector<N extends ResourceTypeName = ResourceTypeName> {
  resourceType: N;
  /** `account`: collected once per account (IAM, S3); `region`: once per scanned region. */
  scope: 'account' | 'region';
  /** The IAM actions the collector calls; the audit role grants exactly their union (a test keeps them in step). */
  permissions: readonly string[];
  collect(clients: ScanClients, ctx: CollectContext): Promise<CollectionResult>;
  /**
   * Collects only the resource CloudTrail calls `name` (a bucket name, a group id), for re-scans
   * after a change; an empty result with no error means it no longer exists. Collectors without
   * it are re-scanned with `collect`, keeping the one resource.
   */
  collectOne?(clients: ScanClients, ctx: CollectContext, name: string): Promise<CollectionResult>;
}
