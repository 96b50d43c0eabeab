import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
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
