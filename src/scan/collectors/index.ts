import type { Collector } from '../collector';
import type { ResourceTypeName } from '../resource-types';
import { cloudTrailTrailCollector } from './cloudtrail-trail';
import { ec2NetworkAclCollector } from './ec2-network-acl';
import { ec2SecurityGroupCollector } from './ec2-security-group';
import { ec2VpcCollector } from './ec2-vpc';
import { iamPasswordPolicyCollector } from './iam-password-policy';
import { iamRootUserCollector } from './iam-root-user';
import { iamUserCollector } from './iam-user';
import { kmsKeyCollector } from './kms-key';
import { s3BucketCollector } from './s3-bucket';

/** One collector per resource type; the record type makes a missing one a compile error. */
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
};

export const COLLECTORS: readonly Collector[] = Object.values(byType);

export function collectorFor(resourceType: ResourceTypeName): Collector {
  return byType[resourceType];
}
