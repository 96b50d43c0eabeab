import type { Collector } from '../collector';
import type { ResourceTypeName } from '../resource-types';
import { accessAnalyzerMetaCollector } from './access-analyzer-meta';
import { acmCertificateCollector } from './acm-certificate';
import { ecsClusterCollector } from './ecs-cluster';
import { elbv2LoadBalancerCollector } from './elbv2-load-balancer';
import { redshiftClusterCollector } from './redshift-cluster';
import { wafRegionalWebAclCollector, wafWebAclCollector } from './waf-web-acl';
import { configMetaCollector, configRecorderCollector } from './config-recorder';
import { eksClusterCollector } from './eks-cluster';
import { guardDutyDetectorCollector, guardDutyMetaCollector } from './guardduty-detector';
import { rdsInstanceCollector } from './rds-instance';
import { s3AccountPublicAccessBlockCollector } from './s3-account-public-access-block';
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

/** One collector per collected resource type; the record type makes a missing one a compile error. */
const byType: { [N in ResourceTypeName]: Collector<N> } = {
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
  'AWS.RDS.Instance': rdsInstanceCollector,
  'AWS.EKS.Cluster': eksClusterCollector,
  'AWS.GuardDuty.Detector': guardDutyDetectorCollector,
  'AWS.GuardDuty.Detector.Meta': guardDutyMetaCollector,
  'AWS.Config.Recorder': configRecorderCollector,
  'AWS.Config.Recorder.Meta': configMetaCollector,
  'AWS.AccessAnalyzer.Meta': accessAnalyzerMetaCollector,
  'AWS.S3.AccountPublicAccessBlock': s3AccountPublicAccessBlockCollector,
  'AWS.ACM.Certificate': acmCertificateCollector,
  'AWS.ECS.Cluster': ecsClusterCollector,
  'AWS.ELBV2.ApplicationLoadBalancer': elbv2LoadBalancerCollector,
  'AWS.Redshift.Cluster': redshiftClusterCollector,
  'AWS.WAF.WebACL': wafWebAclCollector,
  'AWS.WAF.Regional.WebACL': wafRegionalWebAclCollector,
};

export const COLLECTORS: readonly Collector[] = Object.values(byType);

/** The types a scan can collect: every resource type Prowl evaluates. */
export const COLLECTED_TYPE_NAMES = Object.keys(byType) as ResourceTypeName[];

export function collectorFor(resourceType: ResourceTypeName): Collector | undefined {
  return (byType as Partial<Record<ResourceTypeName, Collector>>)[resourceType];
}
