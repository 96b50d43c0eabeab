import { definePolicy, type PolicyResource } from '../../src/detect/policy';
import { cloudTrailTrail, ec2Instance, kmsKey, lambdaFunction, networkAcl, s3Bucket, securityGroup, vpc } from '../../src/scan/test-resources';

const REGIONAL_TYPES = [
  'AWS.S3.Bucket',
  'AWS.EC2.SecurityGroup',
  'AWS.EC2.VPC',
  'AWS.EC2.NetworkACL',
  'AWS.EC2.Instance',
  'AWS.EC2.Volume',
  'AWS.EC2.AMI',
  'AWS.CloudTrail',
  'AWS.KMS.Key',
  'AWS.Lambda.Function',
  'AWS.DynamoDB.Table',
  'AWS.RDS.Instance',
  'AWS.EKS.Cluster',
] as const;

type RegionalResource = PolicyResource<(typeof REGIONAL_TYPES)[number]>;

/** AWS creates a default VPC, with its default ACL and security group, in every region: their presence says nothing. */
function isAwsDefault(resource: RegionalResource): boolean {
  switch (resource.ResourceType) {
    case 'AWS.EC2.VPC':
    case 'AWS.EC2.NetworkACL':
      return resource.IsDefault === true;
    case 'AWS.EC2.SecurityGroup':
      return resource.Name === 'default';
    default:
      return false;
  }
}

const unapproved = 'ap-southeast-3';
const APPROVED = { approvedRegions: ['us-east-1', 'us-west-2', 'eu-west-1'] };

export default definePolicy({
  id: 'AWS.Resource.UnapprovedRegion',
  resourceTypes: REGIONAL_TYPES,
  severity: 'MEDIUM',
  description: `A resource exists in a region the organization does not use (prowl.config.yml → detections.approvedRegions; every region passes while that is empty). Attackers with stolen credentials favour unused regions because nobody looks there; forgotten experiments there also escape review.`,
  runbook:
    'Find who created the resource (CloudTrail in that region) and ask whether it is needed. If it is, add the region to detections.approvedRegions in prowl.config.yml; if not, delete it. Consider a service control policy that denies unapproved regions outright.',
  reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region',
  tags: ['TA0005:T1535'],
  requiresSettings: ['approvedRegions'],
  policy: (resource, { settings }) => settings.approvedRegions.length === 0 || isAwsDefault(resource) || settings.approvedRegions.includes(resource.Region),
  title: (resource) => `${resource.ResourceType} ${resource.ResourceId} is in unapproved region ${resource.Region}`,
  alertContext: (resource, { settings }) => ({ region: resource.Region, approvedRegions: settings.approvedRegions }),
  tests: [
    { name: 'a bucket in an approved region complies', expect: true, settings: APPROVED, resource: s3Bucket() },
    { name: 'with no approved regions configured, every region passes', expect: true, resource: s3Bucket({ Region: unapproved }) },
    { name: 'a bucket in an unapproved region fails', expect: false, settings: APPROVED, resource: s3Bucket({ Region: unapproved }) },
    { name: 'a security group in an unapproved region fails', expect: false, settings: APPROVED, resource: securityGroup({ Region: unapproved }) },
    { name: 'a KMS key in an unapproved region fails', expect: false, settings: APPROVED, resource: kmsKey({ Region: unapproved }) },
    {
      name: 'a trail homed in an unapproved region fails',
      expect: false,
      settings: APPROVED,
      resource: cloudTrailTrail({ Region: unapproved, HomeRegion: unapproved }),
    },
    { name: 'an instance in an unapproved region fails', expect: false, settings: APPROVED, resource: ec2Instance({ Region: unapproved }) },
    { name: 'a function in an approved region complies', expect: true, settings: APPROVED, resource: lambdaFunction() },
    { name: 'a custom VPC in an unapproved region fails', expect: false, settings: APPROVED, resource: vpc({ Region: unapproved }) },
    { name: 'the default VPC in an unapproved region is exempt', expect: true, settings: APPROVED, resource: vpc({ Region: unapproved, IsDefault: true }) },
    {
      name: 'the default network ACL in an unapproved region is exempt',
      expect: true,
      settings: APPROVED,
      resource: networkAcl({ Region: unapproved, IsDefault: true }),
    },
    {
      name: 'the default security group in an unapproved region is exempt',
      expect: true,
      settings: APPROVED,
      resource: securityGroup({ Region: unapproved, Name: 'default', IpPermissions: [], IpPermissionsEgress: [] }),
    },
  ],
});
