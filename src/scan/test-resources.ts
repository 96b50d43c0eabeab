import type { CloudTrailTrail } from './resources/cloudtrail-trail';
import type { Ec2NetworkAcl } from './resources/ec2-network-acl';
import type { Ec2SecurityGroup, IpPermission } from './resources/ec2-security-group';
import type { Ec2Vpc } from './resources/ec2-vpc';
import type { IamPasswordPolicy } from './resources/iam-password-policy';
import type { IamRootUser } from './resources/iam-root-user';
import type { IamUser } from './resources/iam-user';
import type { KmsKey } from './resources/kms-key';
import type { S3Bucket } from './resources/s3-bucket';

/**
 * Complete, well-configured resources for policy tests: pass only the attributes the test is about.
 * Top-level fields replace the defaults (pass a whole nested object to change part of it). The
 * defaults pass every policy in the pack, so a test that fails a policy shows exactly what breaks it.
 */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

export function s3Bucket(fields: Partial<S3Bucket> = {}): S3Bucket {
  const name = fields.Name ?? 'acme-data';
  return {
    ResourceType: 'AWS.S3.Bucket',
    ResourceId: `arn:aws:s3:::${name}`,
    AccountId: ACCOUNT,
    Region: REGION,
    Tags: {},
    TimeCreated: '2025-03-01T12:00:00.000Z',
    Name: name,
    Owner: { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', DisplayName: null },
    EncryptionRules: [{ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, BucketKeyEnabled: true }],
    PublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    Grants: [
      {
        Grantee: { Type: 'CanonicalUser', ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', URI: null, DisplayName: null, EmailAddress: null },
        Permission: 'FULL_CONTROL',
      },
    ],
    Policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
    PolicyIsPublic: false,
    Versioning: { Status: 'Enabled', MFADelete: false },
    Logging: { TargetBucket: 'acme-access-logs', TargetPrefix: `${name}/` },
    ObjectLock: null,
    CreationDate: '2025-03-01T12:00:00.000Z',
    ...fields,
  };
}

export function iamRootUser(fields: Partial<IamRootUser> = {}): IamRootUser {
  return {
    ResourceType: 'AWS.IAM.RootUser',
    ResourceId: `arn:aws:iam::${ACCOUNT}:root`,
    AccountId: ACCOUNT,
    Region: 'global',
    Tags: {},
    TimeCreated: null,
    Arn: `arn:aws:iam::${ACCOUNT}:root`,
    MfaEnabled: true,
    AccessKeysPresent: false,
    SigningCertificatesPresent: false,
    AccountSummary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountSigningCertificatesPresent: 0, Users: 3 },
    ...fields,
  };
}

export function iamUser(fields: Partial<IamUser> = {}): IamUser {
  const name = fields.UserName ?? 'alice';
  return {
    ResourceType: 'AWS.IAM.User',
    ResourceId: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    AccountId: ACCOUNT,
    Region: 'global',
    Tags: {},
    TimeCreated: '2025-01-10T09:00:00.000Z',
    UserName: name,
    UserId: 'AIDAEXAMPLEUSERID0001',
    Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    Path: '/',
    ConsoleAccess: true,
    LoginProfileCreated: '2025-01-10T09:05:00.000Z',
    PasswordLastUsed: '2026-11-20T08:00:00.000Z',
    MfaDevices: [{ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}`, EnableDate: '2025-01-10T09:10:00.000Z' }],
    AccessKeys: [],
    ...fields,
  };
}

/** An access key; dates are relative to the frozen policy-test clock (2026-11-22T10:00:00Z). */
export function accessKey(fields: Partial<IamUser['AccessKeys'][number]> = {}): IamUser['AccessKeys'][number] {
  return {
    AccessKeyId: 'AKIAEXAMPLEKEY000001',
    Status: 'Active',
    CreateDate: '2026-10-01T00:00:00.000Z',
    LastUsedDate: '2026-11-21T00:00:00.000Z',
    LastUsedService: 's3',
    LastUsedRegion: REGION,
    ...fields,
  };
}

export function iamPasswordPolicy(fields: Partial<IamPasswordPolicy> = {}): IamPasswordPolicy {
  return {
    ResourceType: 'AWS.IAM.PasswordPolicy',
    ResourceId: `arn:aws:iam::${ACCOUNT}:account-password-policy`,
    AccountId: ACCOUNT,
    Region: 'global',
    Tags: {},
    TimeCreated: null,
    Configured: true,
    MinimumPasswordLength: 14,
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    AllowUsersToChangePassword: true,
    ExpirePasswords: false,
    MaxPasswordAge: null,
    PasswordReusePrevention: 24,
    HardExpiry: false,
    ...fields,
  };
}

/** A permission that opens `port` over TCP to the given IPv4 ranges (none by default). */
export function tcpPermission(port: number, ipRanges: string[] = [], fields: Partial<IpPermission> = {}): IpPermission {
  return { IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: ipRanges, Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [], ...fields };
}

export function securityGroup(fields: Partial<Ec2SecurityGroup> = {}): Ec2SecurityGroup {
  const groupId = fields.GroupId ?? 'sg-0123456789abcdef0';
  const region = fields.Region ?? REGION;
  return {
    ResourceType: 'AWS.EC2.SecurityGroup',
    ResourceId: `arn:aws:ec2:${region}:${ACCOUNT}:security-group/${groupId}`,
    AccountId: ACCOUNT,
    Region: region,
    Tags: {},
    TimeCreated: null,
    GroupId: groupId,
    GroupName: 'web',
    Description: 'web servers',
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    OwnerId: ACCOUNT,
    IsDefault: false,
    IpPermissions: [tcpPermission(443, ['0.0.0.0/0']), tcpPermission(22, ['10.0.0.0/8'])],
    IpPermissionsEgress: [{ IpProtocol: '-1', FromPort: null, ToPort: null, IpRanges: ['0.0.0.0/0'], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    ...fields,
  };
}

export function vpc(fields: Partial<Ec2Vpc> = {}): Ec2Vpc {
  const vpcId = fields.VpcId ?? 'vpc-0a1b2c3d4e5f60718';
  const region = fields.Region ?? REGION;
  return {
    ResourceType: 'AWS.EC2.VPC',
    ResourceId: `arn:aws:ec2:${region}:${ACCOUNT}:vpc/${vpcId}`,
    AccountId: ACCOUNT,
    Region: region,
    Tags: { Name: 'main' },
    TimeCreated: null,
    VpcId: vpcId,
    CidrBlock: '10.0.0.0/16',
    Ipv6CidrBlocks: [],
    IsDefault: false,
    State: 'available',
    OwnerId: ACCOUNT,
    FlowLogs: [{ FlowLogId: 'fl-0123456789abcdef0', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', TrafficType: 'ALL', LogDestinationType: 's3' }],
    ...fields,
  };
}

export function networkAcl(fields: Partial<Ec2NetworkAcl> = {}): Ec2NetworkAcl {
  const aclId = fields.NetworkAclId ?? 'acl-0123456789abcdef0';
  const region = fields.Region ?? REGION;
  return {
    ResourceType: 'AWS.EC2.NetworkACL',
    ResourceId: `arn:aws:ec2:${region}:${ACCOUNT}:network-acl/${aclId}`,
    AccountId: ACCOUNT,
    Region: region,
    Tags: {},
    TimeCreated: null,
    NetworkAclId: aclId,
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    IsDefault: false,
    OwnerId: ACCOUNT,
    Entries: [
      { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: null, PortRange: { From: 443, To: 443 } },
      { RuleNumber: 110, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/8', Ipv6CidrBlock: null, PortRange: { From: 22, To: 22 } },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: null, PortRange: null },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: null, PortRange: null },
    ],
    SubnetIds: ['subnet-0123456789abcdef0'],
    ...fields,
  };
}

export function cloudTrailTrail(fields: Partial<CloudTrailTrail> = {}): CloudTrailTrail {
  const name = fields.Name ?? 'organization-trail';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
  return {
    ResourceType: 'AWS.CloudTrail.Trail',
    ResourceId: arn,
    AccountId: ACCOUNT,
    Region: region,
    Tags: {},
    TimeCreated: null,
    Name: name,
    TrailARN: arn,
    HomeRegion: region,
    IsMultiRegionTrail: true,
    IsOrganizationTrail: false,
    IncludeGlobalServiceEvents: true,
    LogFileValidationEnabled: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    S3BucketName: 'acme-cloudtrail',
    S3KeyPrefix: null,
    CloudWatchLogsLogGroupArn: null,
    IsLogging: true,
    LatestDeliveryTime: '2026-11-22T09:55:00.000Z',
    LatestDeliveryError: null,
    ...fields,
  };
}

export function kmsKey(fields: Partial<KmsKey> = {}): KmsKey {
  const keyId = fields.KeyId ?? '1234abcd-12ab-34cd-56ef-1234567890ab';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
  return {
    ResourceType: 'AWS.KMS.Key',
    ResourceId: arn,
    AccountId: ACCOUNT,
    Region: region,
    Tags: {},
    TimeCreated: '2025-02-01T00:00:00.000Z',
    KeyId: keyId,
    Arn: arn,
    Description: 'application data',
    KeyManager: 'CUSTOMER',
    KeyState: 'Enabled',
    Enabled: true,
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyUsage: 'ENCRYPT_DECRYPT',
    Origin: 'AWS_KMS',
    MultiRegion: false,
    DeletionDate: null,
    RotationEnabled: true,
    RotationPeriodInDays: 365,
    ...fields,
  };
}
