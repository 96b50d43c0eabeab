import type { Collector } from '../collector';
import type { ResourceTypeName } from '../resource-types';
import { cloudFormationStackCollector } from './cloudformation-stack';
import { cloudTrailMetaCollector } from './cloudtrail-meta';
import { cloudWatchLogGroupCollector } from './cloudwatch-log-group';
import { cloudTrailTrailCollector } from './cloudtrail-trail';
import { dynamoDbTableCollector } from './dynamodb-table';
import { ec2AccountSettingsCollector } from './ec2-account-settings';
import { ec2AmiCollector } from './ec2-ami';
import { ec2InstanceCollector } from './ec2-instance';
import { ec2VolumeCollector } from './ec2-volume';
import { iamGroupCollector } from './iam-group';
import { iamPolicyCollector } from './iam-policy';
import { iamRoleCollector } from './iam-role';
import { lambdaFunctionCollector } from './lambda-function';
import { ec2NetworkAclCollector } from './ec2-network-acl';
import { ec2SecurityGroupCollector } from './ec2-security-group';
import { ec2VpcCollector } from './ec2-vpc';
import { iamPasswordPolicyCollector } from './iam-password-policy';
import { iamRootUserCollector } from './iam-root-user';
import { iamUserCollector } from './iam-user';
import { kmsKeyCollector } from './kms-key';
import { s3BucketCollector } from './s3-bucket';

/**
 * Types Prowl evaluates from resource input (Panther exports, `prowl scan --resources`) but does
 * not collect yet: their SDK clients (@aws-sdk/client-rds, -eks, -guardduty, -config-service,
 * -accessanalyzer, -s3-control) are not installed.
 */
export const INPUT_ONLY_TYPES = [
  'AWS.RDS.Instance',
  'AWS.EKS.Cluster',
  'AWS.GuardDuty.Detector',
  'AWS.GuardDuty.Detector.Meta',
  'AWS.Config.Recorder',
  'AWS.Config.Recorder.Meta',
  'AWS.AccessAnalyzer.Meta',
  'AWS.S3.AccountPublicAccessBlock',
] as const;

type CollectedType = Exclude<ResourceTypeName, (typeof INPUT_ONLY_TYPES)[number]>;

/** One collector per collected resource type; the record type makes a missing one a compile error. */
const byType: { [N in CollectedType]: Collector<N> } = {
  'AWS.S3.Bucket': s3BucketCollector,
  'AWS.IAM.RootUser': iamRootUserCollector,
  'AWS.IAM.User': iamUserCollector,
  'AWS.PasswordPolicy': iamPasswordPolicyCollector,
  'AWS.EC2.SecurityGroup': ec2SecurityGroupCollector,
  'AWS.EC2.VPC': ec2VpcCollector,
  'AWS.EC2.NetworkACL': ec2NetworkAclCollector,
  'AWS.CloudTrail': cloudTrailTrailCollector,
  'AWS.KMS.Key': kmsKeyCollector,
  'AWS.EC2.Instance': ec2InstanceCollector,
  'AWS.EC2.Volume': ec2VolumeCollector,
  'AWS.EC2.AMI': ec2AmiCollector,
  'AWS.EC2.AccountSettings': ec2AccountSettingsCollector,
  'AWS.IAM.Role': iamRoleCollector,
  'AWS.IAM.Group': iamGroupCollector,
  'AWS.IAM.Policy': iamPolicyCollector,
  'AWS.Lambda.Function': lambdaFunctionCollector,
  'AWS.DynamoDB.Table': dynamoDbTableCollector,
  'AWS.CloudTrail.Meta': cloudTrailMetaCollector,
  'AWS.CloudFormation.Stack': cloudFormationStackCollector,
  'AWS.CloudWatch.LogGroup': cloudWatchLogGroupCollector,
};

export const COLLECTORS: readonly Collector[] = Object.values(byType);

/** The types a scan can collect (every type but the input-only ones). */
export const COLLECTED_TYPE_NAMES = Object.keys(byType) as CollectedType[];

export function collectorFor(resourceType: ResourceTypeName): Collector | undefined {
  return (byType as Partial<Record<ResourceTypeName, Collector>>)[resourceType];
}
