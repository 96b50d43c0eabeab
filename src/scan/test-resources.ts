import { DateTime } from 'luxon';
import { EMPTY_DETECTION_SETTINGS, type DetectionSettings } from '../config/detection-settings';
import { DEFAULT_SCAN_POLICY_SETTINGS, type ScanPolicySettings } from '../config/scan-policy-settings';
import type { PolicyContext } from '../detect/policy';
import type { z } from 'zod';
import {
  accessAnalyzerMetaSchema,
  configMetaSchema,
  configRecorderSchema,
  guardDutyDetectorSchema,
  guardDutyMetaSchema,
  s3AccountBlockSchema,
  type AccessAnalyzerMeta,
  type ConfigMeta,
  type ConfigRecorder,
  type GuardDutyDetector,
  type GuardDutyMeta,
  type S3AccountBlock,
} from './resources/account-meta';
import { cloudFormationStackSchema, type CloudFormationStack } from './resources/cloudformation-stack';
import { cloudTrailMetaSchema, type CloudTrailMeta } from './resources/cloudtrail-meta';
import { cloudWatchLogGroupSchema, type CloudWatchLogGroup } from './resources/cloudwatch-log-group';
import { dynamoDbTableSchema, type DynamoDbTable } from './resources/dynamodb-table';
import { ec2AccountSettingsSchema, type Ec2AccountSettings } from './resources/ec2-account-settings';
import { ec2AmiSchema, type Ec2Ami } from './resources/ec2-ami';
import { ec2InstanceSchema, type Ec2Instance } from './resources/ec2-instance';
import { ec2VolumeSchema, type Ec2Volume } from './resources/ec2-volume';
import { eksClusterSchema, type EksCluster } from './resources/eks-cluster';
import { iamGroupSchema, type IamGroup } from './resources/iam-group';
import { iamPolicySchema, type IamPolicy } from './resources/iam-policy';
import { iamRoleSchema, type IamRole } from './resources/iam-role';
import { lambdaFunctionSchema, type LambdaFunction } from './resources/lambda-function';
import { rdsInstanceSchema, type RdsInstance } from './resources/rds-instance';
import { cloudTrailTrailSchema, type CloudTrailTrail } from './resources/cloudtrail-trail';
import type { CredentialReport } from './resources/credential-report';
import { ec2NetworkAclSchema, type Ec2NetworkAcl, type NetworkAclEntry } from './resources/ec2-network-acl';
import { ec2SecurityGroupSchema, type Ec2SecurityGroup, type IpPermission } from './resources/ec2-security-group';
import { ec2VpcSchema, type Ec2Vpc } from './resources/ec2-vpc';
import { iamPasswordPolicySchema, type IamPasswordPolicy } from './resources/iam-password-policy';
import { iamRootUserSchema, type IamRootUser } from './resources/iam-root-user';
import { iamUserSchema, type IamUser } from './resources/iam-user';
import { kmsKeySchema, type KmsKey } from './resources/kms-key';
import { s3BucketSchema, type S3Bucket, type S3Grant } from './resources/s3-bucket';

/**
 * Well-configured resources in Panther's shape for policy tests: pass only the attributes the test
 * is about. Top-level fields replace the defaults (pass a whole nested object to change part of it);
 * fields neither side sets are null, as in a real snapshot. The defaults pass every policy in the
 * pack, so a test that fails a policy shows exactly what breaks it.
 */
export const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

/** Parsed like resource input, so a factory's output is exactly what a policy sees at run time. */
function build<S extends z.ZodType>(schema: S, defaults: Record<string, unknown>, fields: object): z.output<S> {
  return schema.parse({ ...defaults, ...fields });
}

export function policyDocument(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export function s3Grant(grantee: Partial<NonNullable<S3Grant['Grantee']>>, permission: string): S3Grant {
  return { Grantee: { DisplayName: null, EmailAddress: null, ID: null, Type: 'CanonicalUser', URI: null, ...grantee }, Permission: permission };
}

/** A grant to AllUsers (everyone) or AuthenticatedUsers (every AWS account). */
export function publicGrant(permission: string, group: 'AllUsers' | 'AuthenticatedUsers' = 'AllUsers'): S3Grant {
  return s3Grant({ Type: 'Group', URI: `http://acs.amazonaws.com/groups/global/${group}` }, permission);
}

export function s3Bucket(fields: Partial<S3Bucket> = {}): S3Bucket {
  const name = fields.Name ?? 'acme-data';
  return build(
    s3BucketSchema,
    {
      ResourceType: 'AWS.S3.Bucket',
      ResourceId: `arn:aws:s3:::${name}`,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: `arn:aws:s3:::${name}`,
      Name: name,
      Tags: {},
      TimeCreated: '2025-03-01T12:00:00.000Z',
      Owner: { ID: OWNER_ID, DisplayName: 'acme' },
      EncryptionRules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN }, BucketKeyEnabled: true }],
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      Grants: [s3Grant({ ID: OWNER_ID, DisplayName: 'acme' }, 'FULL_CONTROL')],
      Policy: policyDocument([
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
      PolicyIsPublic: false,
      Versioning: 'Enabled',
      MFADelete: 'Enabled',
      LoggingPolicy: { TargetBucket: 'acme-access-logs', TargetPrefix: `${name}/`, TargetGrants: null },
      ObjectLockConfiguration: null,
      LifecycleRules: null,
    },
    fields,
  );
}

/** A credential report row for a well-kept user; dates relative to the frozen policy-test clock (2026-11-22T10:00:00Z). */
export function credentialReport(fields: Partial<CredentialReport> = {}): CredentialReport {
  return {
    UserName: 'alice',
    ARN: `arn:aws:iam::${ACCOUNT}:user/alice`,
    UserCreationTime: '2025-01-10T09:00:00.000Z',
    PasswordEnabled: true,
    PasswordLastUsed: '2026-11-20T08:00:00.000Z',
    PasswordLastChanged: '2026-10-01T00:00:00.000Z',
    PasswordNextRotation: null,
    MfaActive: true,
    AccessKey1Active: false,
    AccessKey1LastRotated: null,
    AccessKey1LastUsedDate: null,
    AccessKey1LastUsedRegion: null,
    AccessKey1LastUsedService: null,
    AccessKey2Active: false,
    AccessKey2LastRotated: null,
    AccessKey2LastUsedDate: null,
    AccessKey2LastUsedRegion: null,
    AccessKey2LastUsedService: null,
    Cert1Active: false,
    Cert1LastRotated: null,
    Cert2Active: false,
    Cert2LastRotated: null,
    ...fields,
  };
}

export function iamRootUser(fields: Partial<IamRootUser> = {}): IamRootUser {
  const arn = `arn:aws:iam::${ACCOUNT}:root`;
  return build(
    iamRootUserSchema,
    {
      ResourceType: 'AWS.IAM.RootUser',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: 'global',
      Arn: arn,
      Name: 'root',
      // Root with MFA active and no virtual device: a hardware key, used last long ago.
      CredentialReport: credentialReport({
        UserName: '<root_account>',
        ARN: arn,
        PasswordEnabled: null,
        PasswordLastUsed: '2025-06-01T00:00:00.000Z',
        PasswordLastChanged: null,
      }),
      VirtualMFA: null,
    },
    fields,
  );
}

export function iamUser(fields: Partial<IamUser> = {}): IamUser {
  const name = fields.Name ?? 'alice';
  const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
  return build(
    iamUserSchema,
    {
      ResourceType: 'AWS.IAM.User',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: 'global',
      Arn: arn,
      Id: 'AIDAEXAMPLEUSERID0001',
      Name: name,
      Tags: {},
      TimeCreated: '2025-01-10T09:00:00.000Z',
      Path: '/',
      PasswordLastUsed: '2026-11-20T08:00:00.000Z',
      CredentialReport: credentialReport({ UserName: name, ARN: arn }),
      Groups: [],
      InlinePolicies: null,
      ManagedPolicyNames: [],
      VirtualMFA: { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}`, EnableDate: '2025-01-10T09:10:00.000Z' },
    },
    fields,
  );
}

export function iamPasswordPolicy(fields: Partial<IamPasswordPolicy> = {}): IamPasswordPolicy {
  return build(
    iamPasswordPolicySchema,
    {
      ResourceType: 'AWS.PasswordPolicy',
      ResourceId: `arn:aws:iam::${ACCOUNT}:account-password-policy`,
      AccountId: ACCOUNT,
      Region: 'global',
      AnyExist: true,
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
    },
    fields,
  );
}

/** A permission that opens `port` over TCP to the given IPv4 ranges (none by default), as DescribeSecurityGroups returns it. */
export function tcpPermission(port: number, ipRanges: string[] = [], fields: Partial<IpPermission> = {}): IpPermission {
  return {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    IpRanges: ipRanges.map((CidrIp) => ({ CidrIp, Description: null })),
    Ipv6Ranges: [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
    ...fields,
  };
}

export const ALL_TRAFFIC_OUT: IpPermission = {
  IpProtocol: '-1',
  FromPort: null,
  ToPort: null,
  IpRanges: [{ CidrIp: '0.0.0.0/0', Description: null }],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
};

export function securityGroup(fields: Partial<Ec2SecurityGroup> = {}): Ec2SecurityGroup {
  const groupId = fields.Id ?? 'sg-0123456789abcdef0';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:ec2:${region}:${ACCOUNT}:security-group/${groupId}`;
  return build(
    ec2SecurityGroupSchema,
    {
      ResourceType: 'AWS.EC2.SecurityGroup',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: region,
      Arn: arn,
      Id: groupId,
      Name: 'web',
      Tags: {},
      Description: 'web servers',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      OwnerId: ACCOUNT,
      IpPermissions: [tcpPermission(443, ['0.0.0.0/0']), tcpPermission(22, ['10.0.0.0/8'])],
      IpPermissionsEgress: [ALL_TRAFFIC_OUT],
    },
    fields,
  );
}

export function vpc(fields: Partial<Ec2Vpc> = {}): Ec2Vpc {
  const vpcId = fields.Id ?? 'vpc-0a1b2c3d4e5f60718';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:ec2:${region}:${ACCOUNT}:vpc/${vpcId}`;
  return build(
    ec2VpcSchema,
    {
      ResourceType: 'AWS.EC2.VPC',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: region,
      Arn: arn,
      Id: vpcId,
      Tags: { Name: 'main' },
      CidrBlock: '10.0.0.0/16',
      IsDefault: false,
      State: 'available',
      OwnerId: ACCOUNT,
      FlowLogs: [
        {
          FlowLogId: 'fl-0123456789abcdef0',
          FlowLogStatus: 'ACTIVE',
          DeliverLogsStatus: 'SUCCESS',
          TrafficType: 'ALL',
          LogDestinationType: 's3',
          ResourceId: vpcId,
        },
      ],
    },
    fields,
  );
}

export function aclEntry(fields: Partial<NetworkAclEntry>): NetworkAclEntry {
  return { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: null, PortRange: null, ...fields };
}

export function networkAcl(fields: Partial<Ec2NetworkAcl> = {}): Ec2NetworkAcl {
  const aclId = fields.Id ?? 'acl-0123456789abcdef0';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:ec2:${region}:${ACCOUNT}:network-acl/${aclId}`;
  return build(
    ec2NetworkAclSchema,
    {
      ResourceType: 'AWS.EC2.NetworkACL',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: region,
      Arn: arn,
      Id: aclId,
      Tags: {},
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      IsDefault: false,
      OwnerId: ACCOUNT,
      Entries: [
        aclEntry({ RuleNumber: 100, PortRange: { From: 443, To: 443 } }),
        aclEntry({ RuleNumber: 110, CidrBlock: '10.0.0.0/8', PortRange: { From: 22, To: 22 } }),
        aclEntry({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny' }),
        aclEntry({ RuleNumber: 100, Protocol: '-1', Egress: true }),
      ],
      Associations: [{ NetworkAclAssociationId: 'aclassoc-0123456789abcdef0', NetworkAclId: aclId, SubnetId: 'subnet-0123456789abcdef0' }],
    },
    fields,
  );
}

export function cloudTrailTrail(fields: Partial<CloudTrailTrail> = {}): CloudTrailTrail {
  const name = fields.Name ?? 'organization-trail';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
  return build(
    cloudTrailTrailSchema,
    {
      ResourceType: 'AWS.CloudTrail',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: region,
      Arn: arn,
      Name: name,
      Tags: {},
      HomeRegion: region,
      IsMultiRegionTrail: true,
      IsOrganizationTrail: false,
      IncludeGlobalServiceEvents: true,
      LogFileValidationEnabled: true,
      KmsKeyId: KEY_ARN,
      S3BucketName: 'acme-cloudtrail',
      HasCustomEventSelectors: false,
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
      Status: { IsLogging: true, LatestDeliveryTime: '2026-11-22T09:55:00.000Z', LatestDeliveryError: null },
    },
    fields,
  );
}

export function kmsKey(fields: Partial<KmsKey> = {}): KmsKey {
  const keyId = fields.Id ?? '1234abcd-12ab-34cd-56ef-1234567890ab';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
  return build(
    kmsKeySchema,
    {
      ResourceType: 'AWS.KMS.Key',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: region,
      Arn: arn,
      Id: keyId,
      Tags: {},
      TimeCreated: '2025-02-01T00:00:00.000Z',
      Description: 'application data',
      KeyManager: 'CUSTOMER',
      KeyState: 'Enabled',
      Enabled: true,
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      KeyRotationEnabled: true,
      Policy: policyDocument([
        { Sid: 'Enable IAM policies', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      ]),
    },
    fields,
  );
}

export function ec2Instance(fields: Partial<Ec2Instance> = {}): Ec2Instance {
  const id = fields.Id ?? 'i-0123456789abcdef0';
  const region = fields.Region ?? REGION;
  const arn = `arn:aws:ec2:${region}:${ACCOUNT}:instance/${id}`;
  return build(
    ec2InstanceSchema,
    {
      ResourceType: 'AWS.EC2.Instance',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: region,
      Arn: arn,
      Id: id,
      Name: 'web-1',
      Tags: { Name: 'web-1' },
      TimeCreated: '2026-01-01T00:00:00.000Z',
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.micro',
      IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`, Id: 'AIPAEXAMPLE' },
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
      PublicIpAddress: null,
      State: { Name: 'running' },
      SubnetId: 'subnet-0123456789abcdef0',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
    },
    fields,
  );
}

export function ec2Volume(fields: Partial<Ec2Volume> = {}): Ec2Volume {
  const id = fields.Id ?? 'vol-0123456789abcdef0';
  const arn = `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/${id}`;
  return build(
    ec2VolumeSchema,
    {
      ResourceType: 'AWS.EC2.Volume',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Id: id,
      Tags: {},
      Encrypted: true,
      KmsKeyId: KEY_ARN,
      State: 'in-use',
      VolumeType: 'gp3',
      Attachments: [{ InstanceId: 'i-0123456789abcdef0', State: 'attached' }],
      Snapshots: [{ SnapshotId: 'snap-0123456789abcdef0', Encrypted: true, CreateVolumePermissions: [] }],
    },
    fields,
  );
}

export function ec2Ami(fields: Partial<Ec2Ami> = {}): Ec2Ami {
  const id = fields.Id ?? 'ami-0123456789abcdef0';
  const arn = `arn:aws:ec2:${REGION}::image/${id}`;
  return build(
    ec2AmiSchema,
    {
      ResourceType: 'AWS.EC2.AMI',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Id: id,
      Name: 'golden-image',
      OwnerId: ACCOUNT,
      Public: false,
      State: 'available',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, SnapshotId: 'snap-0123456789abcdef0' } }],
    },
    fields,
  );
}

export function ec2AccountSettings(fields: Partial<Ec2AccountSettings> = {}): Ec2AccountSettings {
  const region = fields.Region ?? REGION;
  return build(
    ec2AccountSettingsSchema,
    {
      ResourceType: 'AWS.EC2.AccountSettings',
      ResourceId: `${ACCOUNT}::${region}::AWS.EC2.AccountSettings`,
      AccountId: ACCOUNT,
      Region: region,
      EbsEncryptionByDefault: true,
      EbsDefaultKmsKeyId: KEY_ARN,
      SnapshotBlockPublicAccessState: 'block-all-sharing',
      ImageBlockPublicAccessState: 'block-new-sharing',
    },
    fields,
  );
}

/** A trust policy letting the given principal assume the role. */
export function trustPolicy(principal: unknown, fields: Record<string, unknown> = {}): string {
  return policyDocument([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...fields }]);
}

export function iamRole(fields: Partial<IamRole> = {}): IamRole {
  const name = fields.Name ?? 'app';
  const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`;
  return build(
    iamRoleSchema,
    {
      ResourceType: 'AWS.IAM.Role',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: 'global',
      Arn: arn,
      Id: 'AROAEXAMPLEROLEID0001',
      Name: name,
      TimeCreated: '2025-01-10T09:00:00.000Z',
      AssumeRolePolicyDocument: trustPolicy({ Service: 'ec2.amazonaws.com' }),
      Path: '/',
      MaxSessionDuration: 3600,
      InlinePolicies: { 'read-data': policyDocument([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::acme-data/*' }]) },
      ManagedPolicyNames: ['ReadOnlyAccess'],
    },
    fields,
  );
}

export function iamGroup(fields: Partial<IamGroup> = {}): IamGroup {
  const name = fields.Name ?? 'developers';
  const arn = `arn:aws:iam::${ACCOUNT}:group/${name}`;
  return build(
    iamGroupSchema,
    {
      ResourceType: 'AWS.IAM.Group',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: 'global',
      Arn: arn,
      Name: name,
      Path: '/',
      InlinePolicies: null,
      ManagedPolicyARNs: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      Users: [{ UserName: 'alice' }],
    },
    fields,
  );
}

export function iamPolicy(fields: Partial<IamPolicy> = {}): IamPolicy {
  const name = fields.Name ?? 'deploy';
  const arn = `arn:aws:iam::${ACCOUNT}:policy/${name}`;
  return build(
    iamPolicySchema,
    {
      ResourceType: 'AWS.IAM.Policy',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: 'global',
      Arn: arn,
      Name: name,
      AttachmentCount: 1,
      DefaultVersionId: 'v1',
      IsAttachable: true,
      Path: '/',
      PolicyDocument: policyDocument([
        { Effect: 'Allow', Action: ['lambda:UpdateFunctionCode'], Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:api` },
      ]),
    },
    fields,
  );
}

export function lambdaFunction(fields: Partial<LambdaFunction> = {}): LambdaFunction {
  const name = fields.Name ?? 'api';
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  return build(
    lambdaFunctionSchema,
    {
      ResourceType: 'AWS.Lambda.Function',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Name: name,
      Runtime: 'nodejs22.x',
      Role: `arn:aws:iam::${ACCOUNT}:role/api`,
      Environment: { Variables: { LOG_LEVEL: 'info' } },
      Policy: {
        Policy: policyDocument([
          {
            Effect: 'Allow',
            Principal: { Service: 'apigateway.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: arn,
            Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:${REGION}:${ACCOUNT}:abc123/*` } },
          },
        ]),
        RevisionId: 'r1',
      },
      FunctionUrlConfig: null,
    },
    fields,
  );
}

export function dynamoDbTable(fields: Partial<DynamoDbTable> = {}): DynamoDbTable {
  const name = fields.Name ?? 'orders';
  const arn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
  return build(
    dynamoDbTableSchema,
    {
      ResourceType: 'AWS.DynamoDB.Table',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Name: name,
      TableStatus: 'ACTIVE',
      DeletionProtectionEnabled: true,
      SSEDescription: { SSEType: 'KMS', Status: 'ENABLED', KMSMasterKeyArn: KEY_ARN },
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } },
    },
    fields,
  );
}

export function cloudTrailMeta(fields: Partial<CloudTrailMeta> = {}): CloudTrailMeta {
  const region = fields.Region ?? REGION;
  const trail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/organization-trail`;
  return build(
    cloudTrailMetaSchema,
    {
      ResourceType: 'AWS.CloudTrail.Meta',
      ResourceId: `${ACCOUNT}::${region}::AWS.CloudTrail.Meta`,
      AccountId: ACCOUNT,
      Region: region,
      Trails: [trail],
      GlobalEventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
      TrailSummaries: [{ TrailARN: trail, IsMultiRegionTrail: true, LogFileValidationEnabled: true, IsLogging: true }],
    },
    fields,
  );
}

export function rdsInstance(fields: Partial<RdsInstance> = {}): RdsInstance {
  const id = fields.DBInstanceIdentifier ?? 'orders-db';
  const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`;
  return build(
    rdsInstanceSchema,
    {
      ResourceType: 'AWS.RDS.Instance',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Name: id,
      DBInstanceIdentifier: id,
      Engine: 'postgres',
      PubliclyAccessible: false,
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      DeletionProtection: true,
      SnapshotAttributes: [{ DBSnapshotIdentifier: `${id}-manual`, DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] }],
    },
    fields,
  );
}

export function eksCluster(fields: Partial<EksCluster> = {}): EksCluster {
  const name = fields.Name ?? 'platform';
  const arn = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;
  return build(
    eksClusterSchema,
    {
      ResourceType: 'AWS.EKS.Cluster',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Name: name,
      Version: '1.31',
      ResourcesVpcConfig: { EndpointPublicAccess: false, EndpointPrivateAccess: true, PublicAccessCidrs: [] },
      Logging: { ClusterLogging: [{ Types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], Enabled: true }] },
      EncryptionConfig: [{ Resources: ['secrets'], Provider: { KeyArn: KEY_ARN } }],
    },
    fields,
  );
}

function meta(resourceType: string, region: string): Record<string, unknown> {
  return { ResourceType: resourceType, ResourceId: `${ACCOUNT}::${region}::${resourceType}`, AccountId: ACCOUNT, Region: region };
}

export function guardDutyDetector(fields: Partial<GuardDutyDetector> = {}): GuardDutyDetector {
  const arn = `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector/12abc34d567e8fa901bc2d34e56789f0`;
  return build(
    guardDutyDetectorSchema,
    {
      ResourceType: 'AWS.GuardDuty.Detector',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Id: '12abc34d567e8fa901bc2d34e56789f0',
      Status: 'ENABLED',
      FindingPublishingFrequency: 'FIFTEEN_MINUTES',
    },
    fields,
  );
}

export function guardDutyMeta(fields: Partial<GuardDutyMeta> = {}): GuardDutyMeta {
  return build(
    guardDutyMetaSchema,
    { ...meta('AWS.GuardDuty.Detector.Meta', fields.Region ?? REGION), Detectors: ['12abc34d567e8fa901bc2d34e56789f0'] },
    fields,
  );
}

export function configRecorder(fields: Partial<ConfigRecorder> = {}): ConfigRecorder {
  const id = `${ACCOUNT}:${REGION}:AWS.Config.Recorder:default`;
  return build(
    configRecorderSchema,
    {
      ResourceType: 'AWS.Config.Recorder',
      ResourceId: id,
      AccountId: ACCOUNT,
      Region: REGION,
      Name: 'default',
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
      RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
      Status: { Recording: true, LastStatus: 'Success' },
    },
    fields,
  );
}

export function configMeta(fields: Partial<ConfigMeta> = {}): ConfigMeta {
  return build(
    configMetaSchema,
    { ...meta('AWS.Config.Recorder.Meta', fields.Region ?? REGION), GlobalRecorderCount: 1, Recorders: [`${ACCOUNT}:${REGION}:AWS.Config.Recorder:default`] },
    fields,
  );
}

export function accessAnalyzerMeta(fields: Partial<AccessAnalyzerMeta> = {}): AccessAnalyzerMeta {
  return build(
    accessAnalyzerMetaSchema,
    {
      ...meta('AWS.AccessAnalyzer.Meta', fields.Region ?? REGION),
      Analyzers: [{ arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/organization`, name: 'organization', status: 'ACTIVE', type: 'ORGANIZATION' }],
    },
    fields,
  );
}

export function s3AccountBlock(fields: Partial<S3AccountBlock> = {}): S3AccountBlock {
  return build(
    s3AccountBlockSchema,
    {
      ...meta('AWS.S3.AccountPublicAccessBlock', 'global'),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    },
    fields,
  );
}

export function cloudFormationStack(fields: Partial<CloudFormationStack> = {}): CloudFormationStack {
  const name = fields.Name ?? 'app';
  const arn = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/1b2c3d4e-0000-1111-2222-333344445555`;
  return build(
    cloudFormationStackSchema,
    {
      ResourceType: 'AWS.CloudFormation.Stack',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Id: arn,
      Name: name,
      StackStatus: 'UPDATE_COMPLETE',
      EnableTerminationProtection: true,
      DriftInformation: { StackDriftStatus: 'IN_SYNC', LastCheckTimestamp: '2026-11-20T00:00:00.000Z' },
    },
    fields,
  );
}

export function cloudWatchLogGroup(fields: Partial<CloudWatchLogGroup> = {}): CloudWatchLogGroup {
  const name = fields.Name ?? '/aws/lambda/api';
  const arn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
  return build(
    cloudWatchLogGroupSchema,
    {
      ResourceType: 'AWS.CloudWatch.LogGroup',
      ResourceId: arn,
      AccountId: ACCOUNT,
      Region: REGION,
      Arn: arn,
      Name: name,
      KmsKeyId: KEY_ARN,
      RetentionInDays: 365,
      StoredBytes: 1024,
    },
    fields,
  );
}

/**
 * Policy tests run at this instant (it is their context's `now`), so a test about an
 * access key's age gives the same answer every day. Write test dates relative to it.
 */
export const POLICY_TEST_NOW = '2026-11-22T10:00:00.000Z';

/**
 * What policy tests and benches evaluate with: no organisation settings and the default standards
 * unless given, at the instant policy tests run (POLICY_TEST_NOW, which resource dates are written against).
 */
export function testPolicyContext(
  overrides: { settings?: Partial<DetectionSettings>; standards?: Partial<ScanPolicySettings>; now?: DateTime } = {},
): PolicyContext {
  return {
    settings: { ...EMPTY_DETECTION_SETTINGS, ...overrides.settings },
    standards: { ...DEFAULT_SCAN_POLICY_SETTINGS, ...overrides.standards },
    now: overrides.now ?? DateTime.fromISO(POLICY_TEST_NOW, { zone: 'utc' }),
  };
}
