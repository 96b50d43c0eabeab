import { cloudFormationStackSchema, type CloudFormationStack } from './resources/cloudformation-stack';
import { cloudWatchLogGroupSchema, type CloudWatchLogGroup } from './resources/cloudwatch-log-group';
import {
  guardDutyDetectorSchema,
  type GuardDutyDetector,
  guardDutyMetaSchema,
  type GuardDutyMeta,
  configRecorderSchema,
  type ConfigRecorder,
  configMetaSchema,
  type ConfigMeta,
  accessAnalyzerMetaSchema,
  type AccessAnalyzerMeta,
  s3AccountBlockSchema,
  type S3AccountBlock,
} from './resources/account-meta';
import type { z } from 'zod';
import { describeIssues } from '../config/zod-issues';
import { cloudTrailTrailSchema, type CloudTrailTrail } from './resources/cloudtrail-trail';
import { ec2NetworkAclSchema, type Ec2NetworkAcl } from './resources/ec2-network-acl';
import { ec2SecurityGroupSchema, type Ec2SecurityGroup } from './resources/ec2-security-group';
import { ec2VpcSchema, type Ec2Vpc } from './resources/ec2-vpc';
import { iamPasswordPolicySchema, type IamPasswordPolicy } from './resources/iam-password-policy';
import { iamRootUserSchema, type IamRootUser } from './resources/iam-root-user';
import { iamUserSchema, type IamUser } from './resources/iam-user';
import { ec2InstanceSchema, type Ec2Instance } from './resources/ec2-instance';
import { ec2VolumeSchema, type Ec2Volume } from './resources/ec2-volume';
import { ec2AmiSchema, type Ec2Ami } from './resources/ec2-ami';
import { ec2AccountSettingsSchema, type Ec2AccountSettings } from './resources/ec2-account-settings';
import { iamRoleSchema, type IamRole } from './resources/iam-role';
import { iamGroupSchema, type IamGroup } from './resources/iam-group';
import { iamPolicySchema, type IamPolicy } from './resources/iam-policy';
import { lambdaFunctionSchema, type LambdaFunction } from './resources/lambda-function';
import { dynamoDbTableSchema, type DynamoDbTable } from './resources/dynamodb-table';
import { cloudTrailMetaSchema, type CloudTrailMeta } from './resources/cloudtrail-meta';
import { rdsInstanceSchema, type RdsInstance } from './resources/rds-instance';
import { eksClusterSchema, type EksCluster } from './resources/eks-cluster';
import { kmsKeySchema, type KmsKey } from './resources/kms-key';
import { acmCertificateSchema, type AcmCertificate } from './resources/acm-certificate';
import { ecsClusterSchema, type EcsCluster } from './resources/ecs-cluster';
import { elbv2LoadBalancerSchema, type Elbv2LoadBalancer } from './resources/elbv2-load-balancer';
import { redshiftClusterSchema, type RedshiftCluster } from './resources/redshift-cluster';
import { wafRegionalWebAclSchema, wafWebAclSchema, type WafRegionalWebAcl, type WafWebAcl } from './resources/waf-web-acl';
import { s3BucketSchema, type S3Bucket } from './resources/s3-bucket';

/** Every resource type Prowl scans, by name. Policies are typed against ResourceMap, as rules are against LogEventMap. */
export interface ResourceMap {
  'AWS.S3.Bucket': S3Bucket;
  'AWS.IAM.RootUser': IamRootUser;
  'AWS.IAM.User': IamUser;
  'AWS.PasswordPolicy': IamPasswordPolicy;
  'AWS.EC2.SecurityGroup': Ec2SecurityGroup;
  'AWS.EC2.VPC': Ec2Vpc;
  'AWS.EC2.NetworkACL': Ec2NetworkAcl;
  'AWS.CloudTrail': CloudTrailTrail;
  'AWS.KMS.Key': KmsKey;
  'AWS.EC2.Instance': Ec2Instance;
  'AWS.EC2.Volume': Ec2Volume;
  'AWS.EC2.AMI': Ec2Ami;
  'AWS.EC2.AccountSettings': Ec2AccountSettings;
  'AWS.IAM.Role': IamRole;
  'AWS.IAM.Group': IamGroup;
  'AWS.IAM.Policy': IamPolicy;
  'AWS.Lambda.Function': LambdaFunction;
  'AWS.DynamoDB.Table': DynamoDbTable;
  'AWS.CloudTrail.Meta': CloudTrailMeta;
  'AWS.RDS.Instance': RdsInstance;
  'AWS.EKS.Cluster': EksCluster;
  'AWS.CloudFormation.Stack': CloudFormationStack;
  'AWS.CloudWatch.LogGroup': CloudWatchLogGroup;
  'AWS.GuardDuty.Detector': GuardDutyDetector;
  'AWS.GuardDuty.Detector.Meta': GuardDutyMeta;
  'AWS.Config.Recorder': ConfigRecorder;
  'AWS.Config.Recorder.Meta': ConfigMeta;
  'AWS.AccessAnalyzer.Meta': AccessAnalyzerMeta;
  'AWS.S3.AccountPublicAccessBlock': S3AccountBlock;
  'AWS.ACM.Certificate': AcmCertificate;
  'AWS.ECS.Cluster': EcsCluster;
  'AWS.ELBV2.ApplicationLoadBalancer': Elbv2LoadBalancer;
  'AWS.Redshift.Cluster': RedshiftCluster;
  'AWS.WAF.WebACL': WafWebAcl;
  'AWS.WAF.Regional.WebACL': WafRegionalWebAcl;
}

export type ResourceTypeName = keyof ResourceMap;

/** Any scanned resource; narrow on `ResourceType`. */
export type Resource = ResourceMap[ResourceTypeName];

const schemas: { [N in ResourceTypeName]: z.ZodType<ResourceMap[N]> } = {
  'AWS.S3.Bucket': s3BucketSchema,
  'AWS.IAM.RootUser': iamRootUserSchema,
  'AWS.IAM.User': iamUserSchema,
  'AWS.PasswordPolicy': iamPasswordPolicySchema,
  'AWS.EC2.SecurityGroup': ec2SecurityGroupSchema,
  'AWS.EC2.VPC': ec2VpcSchema,
  'AWS.EC2.NetworkACL': ec2NetworkAclSchema,
  'AWS.CloudTrail': cloudTrailTrailSchema,
  'AWS.KMS.Key': kmsKeySchema,
  'AWS.EC2.Instance': ec2InstanceSchema,
  'AWS.EC2.Volume': ec2VolumeSchema,
  'AWS.EC2.AMI': ec2AmiSchema,
  'AWS.EC2.AccountSettings': ec2AccountSettingsSchema,
  'AWS.IAM.Role': iamRoleSchema,
  'AWS.IAM.Group': iamGroupSchema,
  'AWS.IAM.Policy': iamPolicySchema,
  'AWS.Lambda.Function': lambdaFunctionSchema,
  'AWS.DynamoDB.Table': dynamoDbTableSchema,
  'AWS.CloudTrail.Meta': cloudTrailMetaSchema,
  'AWS.RDS.Instance': rdsInstanceSchema,
  'AWS.EKS.Cluster': eksClusterSchema,
  'AWS.CloudFormation.Stack': cloudFormationStackSchema,
  'AWS.CloudWatch.LogGroup': cloudWatchLogGroupSchema,
  'AWS.GuardDuty.Detector': guardDutyDetectorSchema,
  'AWS.GuardDuty.Detector.Meta': guardDutyMetaSchema,
  'AWS.Config.Recorder': configRecorderSchema,
  'AWS.Config.Recorder.Meta': configMetaSchema,
  'AWS.AccessAnalyzer.Meta': accessAnalyzerMetaSchema,
  'AWS.S3.AccountPublicAccessBlock': s3AccountBlockSchema,
  'AWS.ACM.Certificate': acmCertificateSchema,
  'AWS.ECS.Cluster': ecsClusterSchema,
  'AWS.ELBV2.ApplicationLoadBalancer': elbv2LoadBalancerSchema,
  'AWS.Redshift.Cluster': redshiftClusterSchema,
  'AWS.WAF.WebACL': wafWebAclSchema,
  'AWS.WAF.Regional.WebACL': wafRegionalWebAclSchema,
};

export const RESOURCE_TYPE_NAMES = Object.keys(schemas) as ResourceTypeName[];

export function isResourceTypeName(name: unknown): name is ResourceTypeName {
  return typeof name === 'string' && Object.hasOwn(schemas, name);
}

export function resourceSchema<N extends ResourceTypeName>(name: N): z.ZodType<ResourceMap[N]> {
  return schemas[name];
}

export type ResourceValidation = { ok: true; resource: Resource } | { ok: false; reason: string };

/**
 * Checks an untrusted value (resource JSON from a file, a test fixture, a collector's output)
 * against the schema its `ResourceType` names; the reason lists every field that is wrong. Only
 * the fields policies read are checked: other fields are kept as given, missing ones become null.
 */
export function validateResource(value: unknown): ResourceValidation {
  const type = typeof value === 'object' && value !== null ? (value as { ResourceType?: unknown }).ResourceType : undefined;
  if (!isResourceTypeName(type)) {
    const got = type === undefined ? 'no ResourceType' : `ResourceType ${JSON.stringify(type)}`;
    return { ok: false, reason: `${got}; expected one of ${RESOURCE_TYPE_NAMES.join(', ')}` };
  }
  const parsed = resourceSchema(type).safeParse(value);
  if (!parsed.success) return { ok: false, reason: `not a valid ${type} resource:\n${describeIssues(parsed.error)}` };
  return { ok: true, resource: parsed.data };
}
