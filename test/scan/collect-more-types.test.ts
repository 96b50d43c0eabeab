import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeContinuousBackupsCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  GetImageBlockPublicAccessStateCommand,
  GetSnapshotBlockPublicAccessStateCommand,
} from '@aws-sdk/client-ec2';
import {
  GetGroupCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { GetFunctionUrlConfigCommand, GetPolicyCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { collectCloudFormationStacks } from '../../src/scan/collectors/cloudformation-stack';
import { collectCloudTrailMeta } from '../../src/scan/collectors/cloudtrail-meta';
import { collectCloudWatchLogGroups } from '../../src/scan/collectors/cloudwatch-log-group';
import { collectDynamoDbTables } from '../../src/scan/collectors/dynamodb-table';
import { collectEc2AccountSettings } from '../../src/scan/collectors/ec2-account-settings';
import { collectEc2Amis } from '../../src/scan/collectors/ec2-ami';
import { collectEc2Instances } from '../../src/scan/collectors/ec2-instance';
import { collectEc2Volumes } from '../../src/scan/collectors/ec2-volume';
import { collectIamGroups } from '../../src/scan/collectors/iam-group';
import { collectIamPolicies } from '../../src/scan/collectors/iam-policy';
import { collectIamRoles } from '../../src/scan/collectors/iam-role';
import { collectLambdaFunctions } from '../../src/scan/collectors/lambda-function';
import { awsError, collectContext, mockedClients, pagesByToken } from './aws-mocks';

const ctx = collectContext({ region: 'us-east-1' });
const global = collectContext({ region: 'global' });
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

describe('EC2 collectors beyond the network', () => {
  it("collects instances from every page of reservations, keeping DescribeInstances' fields and leaving terminated ones out", async () => {
    const aws = mockedClients();
    const pages = pagesByToken('NextToken', {
      '': {
        Reservations: [
          {
            ReservationId: 'r-1',
            Instances: [
              {
                InstanceId: 'i-1',
                ImageId: 'ami-1',
                InstanceType: 't3.micro',
                LaunchTime: new Date('2026-01-01T00:00:00Z'),
                State: { Code: 16, Name: 'running' },
                MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
                PublicIpAddress: '203.0.113.10',
                Tags: [{ Key: 'Name', Value: 'web-1' }],
              },
            ],
          },
        ],
        NextToken: 'p2',
      },
      p2: {
        Reservations: [
          {
            ReservationId: 'r-2',
            Instances: [
              { InstanceId: 'i-2', State: { Code: 48, Name: 'terminated' } },
              { InstanceId: 'i-3', State: { Code: 16, Name: 'running' }, MetadataOptions: { HttpTokens: 'required' } },
            ],
          },
        ],
      },
    });
    aws.ec2.on(DescribeInstancesCommand).callsFake(pages.serve);

    const result = await collectEc2Instances(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(pages.asked).toEqual([undefined, 'p2']);
    expect(result.resources.map((r) => r.Id)).toEqual(['i-1', 'i-3']);
    expect(result.resources[0]).toMatchObject({
      ResourceType: 'AWS.EC2.Instance',
      ResourceId: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
      Name: 'web-1',
      Tags: { Name: 'web-1' },
      TimeCreated: '2026-01-01T00:00:00.000Z',
      MetadataOptions: { HttpTokens: 'optional' },
      PublicIpAddress: '203.0.113.10',
      InstanceType: 't3.micro',
    });
  });

  it("collects volumes with the account's snapshots of each and who may create volumes from them", async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeVolumesCommand).resolves({
      Volumes: [
        { VolumeId: 'vol-1', Encrypted: false, State: 'in-use', Size: 8, CreateTime: new Date('2026-01-01T00:00:00Z') },
        { VolumeId: 'vol-2', Encrypted: true, State: 'available' },
      ],
    });
    aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-1', Encrypted: false, State: 'completed' }] });
    aws.ec2
      .on(DescribeSnapshotAttributeCommand, { SnapshotId: 'snap-1', Attribute: 'createVolumePermission' })
      .resolves({ SnapshotId: 'snap-1', CreateVolumePermissions: [{ Group: 'all' }] });

    const result = await collectEc2Volumes(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.Id, r.Encrypted, r.Snapshots?.map((s) => [s.SnapshotId, s.CreateVolumePermissions])])).toEqual([
      ['vol-1', false, [['snap-1', [{ Group: 'all', UserId: null }]]]],
      ['vol-2', true, []],
    ]);
    expect(aws.ec2.commandCalls(DescribeSnapshotsCommand)[0]!.args[0].input).toMatchObject({ OwnerIds: ['self'] });
  });

  it("collects only the account's own images", async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeImagesCommand).resolves({
      Images: [
        {
          ImageId: 'ami-1',
          Name: 'golden',
          Public: true,
          OwnerId: '123456789012',
          CreationDate: '2026-02-01T00:00:00.000Z',
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-9', Encrypted: false } }],
        },
      ],
    });

    const result = await collectEc2Amis(aws.clients, ctx);

    expect(aws.ec2.commandCalls(DescribeImagesCommand)[0]!.args[0].input).toMatchObject({ Owners: ['self'] });
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.EC2.AMI',
        ResourceId: 'arn:aws:ec2:us-east-1::image/ami-1',
        Name: 'golden',
        Public: true,
        TimeCreated: '2026-02-01T00:00:00.000Z',
      }),
    ]);
  });

  it("reads the region's EBS and sharing switches into one meta resource", async () => {
    const aws = mockedClients();
    aws.ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false, SseType: 'sse-ebs' });
    aws.ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
    aws.ec2.on(GetSnapshotBlockPublicAccessStateCommand).resolves({ State: 'unblocked' });
    aws.ec2.on(GetImageBlockPublicAccessStateCommand).resolves({ ImageBlockPublicAccessState: 'block-new-sharing' });

    const result = await collectEc2AccountSettings(aws.clients, ctx);

    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.EC2.AccountSettings',
        ResourceId: '123456789012::us-east-1::AWS.EC2.AccountSettings',
        EbsEncryptionByDefault: false,
        EbsDefaultKmsKeyId: 'alias/aws/ebs',
        SnapshotBlockPublicAccessState: 'unblocked',
        ImageBlockPublicAccessState: 'block-new-sharing',
      }),
    ]);
  });
});

describe('IAM collectors for roles, groups and policies', () => {
  it('collects roles from every page with the trust policy decoded and their policies', async () => {
    const aws = mockedClients();
    const pages = pagesByToken('Marker', {
      '': {
        Roles: [
          {
            RoleName: 'app',
            RoleId: 'AROAAPP',
            Arn: 'arn:aws:iam::123456789012:role/app',
            Path: '/',
            CreateDate: new Date('2025-01-01T00:00:00Z'),
            AssumeRolePolicyDocument: encodeURIComponent(TRUST),
          },
        ],
        IsTruncated: true,
        Marker: 'm2',
      },
      m2: {
        Roles: [
          {
            RoleName: 'ci',
            RoleId: 'AROACI',
            Arn: 'arn:aws:iam::123456789012:role/ci',
            Path: '/',
            CreateDate: new Date('2025-01-01T00:00:00Z'),
            AssumeRolePolicyDocument: encodeURIComponent(TRUST),
          },
        ],
        IsTruncated: false,
      },
    });
    aws.iam.on(ListRolesCommand).callsFake(pages.serve);
    aws.iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] });
    aws.iam.on(ListRolePoliciesCommand, { RoleName: 'app' }).resolves({ PolicyNames: ['s3'] });
    aws.iam.on(GetRolePolicyCommand).resolves({ RoleName: 'app', PolicyName: 's3', PolicyDocument: encodeURIComponent('{"Statement":[]}') });
    aws.iam
      .on(ListAttachedRolePoliciesCommand)
      .resolves({ AttachedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] });

    const result = await collectIamRoles(aws.clients, global);

    expect(result.errors).toEqual([]);
    expect(pages.asked).toEqual([undefined, 'm2']);
    expect(result.resources[0]).toMatchObject({
      ResourceType: 'AWS.IAM.Role',
      Name: 'app',
      AssumeRolePolicyDocument: TRUST,
      InlinePolicies: { s3: '{"Statement":[]}' },
      ManagedPolicyNames: ['ReadOnlyAccess'],
    });
    expect(result.resources[1]).toMatchObject({ Name: 'ci', InlinePolicies: null });
  });

  it('collects groups with members and policies, and customer-managed policies with their default document', async () => {
    const aws = mockedClients();
    aws.iam.on(ListGroupsCommand).resolves({
      Groups: [
        { GroupName: 'admins', GroupId: 'AGPA', Arn: 'arn:aws:iam::123456789012:group/admins', Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z') },
      ],
    });
    aws.iam.on(GetGroupCommand).resolves({
      Group: { GroupName: 'admins', GroupId: 'AGPA', Arn: 'arn:aws:iam::123456789012:group/admins', Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z') },
      Users: [{ UserName: 'alice', UserId: 'AIDA', Arn: 'arn:aws:iam::123456789012:user/alice', Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z') }],
    });
    aws.iam.on(ListGroupPoliciesCommand).resolves({ PolicyNames: [] });
    aws.iam
      .on(ListAttachedGroupPoliciesCommand)
      .resolves({ AttachedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] });
    aws.iam.on(ListPoliciesCommand).resolves({
      Policies: [
        {
          PolicyName: 'deploy',
          PolicyId: 'ANPA',
          Arn: 'arn:aws:iam::123456789012:policy/deploy',
          DefaultVersionId: 'v3',
          AttachmentCount: 2,
          CreateDate: new Date('2024-01-01T00:00:00Z'),
        },
      ],
    });
    aws.iam.on(GetPolicyVersionCommand, { PolicyArn: 'arn:aws:iam::123456789012:policy/deploy', VersionId: 'v3' }).resolves({
      PolicyVersion: {
        Document: encodeURIComponent('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'),
        VersionId: 'v3',
        IsDefaultVersion: true,
      },
    });

    const [groups, policies] = await Promise.all([collectIamGroups(aws.clients, global), collectIamPolicies(aws.clients, global)]);

    expect(groups.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.IAM.Group',
        Name: 'admins',
        ManagedPolicyARNs: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        Users: [expect.objectContaining({ UserName: 'alice' })],
      }),
    ]);
    expect(policies.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.IAM.Policy',
        Name: 'deploy',
        AttachmentCount: 2,
        PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      }),
    ]);
    expect(aws.iam.commandCalls(ListPoliciesCommand)[0]!.args[0].input).toMatchObject({ Scope: 'Local' });
  });
});

describe('Lambda, DynamoDB and CloudTrail meta collectors', () => {
  it('collects functions with their resource policy and URL, reading "none" as null', async () => {
    const aws = mockedClients();
    aws.lambda.on(ListFunctionsCommand).resolves({
      Functions: [
        {
          FunctionName: 'api',
          FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:api',
          Runtime: 'nodejs22.x',
          Role: 'arn:aws:iam::123456789012:role/api',
        },
        { FunctionName: 'job', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:job', Runtime: 'python3.8' },
      ],
    });
    aws.lambda
      .on(GetPolicyCommand, { FunctionName: 'api' })
      .resolves({ Policy: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl"}]}', RevisionId: 'r1' });
    aws.lambda.on(GetPolicyCommand, { FunctionName: 'job' }).rejects(awsError('ResourceNotFoundException', 404));
    aws.lambda.on(GetFunctionUrlConfigCommand, { FunctionName: 'api' }).resolves({
      FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/',
      AuthType: 'NONE',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:api',
      CreationTime: '2026-01-01T00:00:00Z',
      LastModifiedTime: '2026-01-01T00:00:00Z',
    });
    aws.lambda.on(GetFunctionUrlConfigCommand, { FunctionName: 'job' }).rejects(awsError('ResourceNotFoundException', 404));

    const result = await collectLambdaFunctions(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => [r.Name, r.Runtime, r.Policy?.RevisionId ?? null, r.FunctionUrlConfig?.AuthType ?? null])).toEqual([
      ['api', 'nodejs22.x', 'r1', 'NONE'],
      ['job', 'python3.8', null, null],
    ]);
  });

  it('collects tables from every page of ListTables with their point-in-time recovery status', async () => {
    const aws = mockedClients();
    const pages = pagesByToken('ExclusiveStartTableName', {
      '': { TableNames: ['orders'], LastEvaluatedTableName: 'orders' },
      orders: { TableNames: ['users'] },
    });
    aws.dynamodb.on(ListTablesCommand).callsFake(pages.serve);
    aws.dynamodb.on(DescribeTableCommand).callsFake((input: { TableName: string }) => ({
      Table: {
        TableName: input.TableName,
        TableArn: `arn:aws:dynamodb:us-east-1:123456789012:table/${input.TableName}`,
        TableStatus: 'ACTIVE',
        DeletionProtectionEnabled: input.TableName === 'users',
        CreationDateTime: new Date('2025-01-01T00:00:00Z'),
      },
    }));
    aws.dynamodb.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });

    const result = await collectDynamoDbTables(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'orders']);
    expect(
      result.resources.map((r) => [
        r.Name,
        r.DeletionProtectionEnabled,
        r.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
      ]),
    ).toEqual([
      ['orders', false, 'DISABLED'],
      ['users', true, 'DISABLED'],
    ]);
  });

  it('summarizes the trails that record a region, shadow trails of other home regions included', async () => {
    const aws = mockedClients();
    const org = 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/org';
    aws.cloudtrail
      .on(DescribeTrailsCommand)
      .resolves({ trailList: [{ Name: 'org', TrailARN: org, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, LogFileValidationEnabled: true }] });
    aws.cloudtrail.on(ListTrailsCommand).resolves({ Trails: [{ TrailARN: org, Name: 'org', HomeRegion: 'eu-west-1' }] });
    aws.cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    aws.cloudtrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });

    const result = await collectCloudTrailMeta(aws.clients, ctx);

    expect(aws.cloudtrail.commandCalls(DescribeTrailsCommand)[0]!.args[0].input).toEqual({ includeShadowTrails: true });
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.CloudTrail.Meta',
        ResourceId: '123456789012::us-east-1::AWS.CloudTrail.Meta',
        Trails: [org],
        TrailSummaries: [{ TrailARN: org, IsMultiRegionTrail: true, LogFileValidationEnabled: true, IsLogging: true }],
        GlobalEventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
      }),
    ]);
  });
});

describe('CloudFormation and CloudWatch Logs collectors', () => {
  it('collects stacks from every page of DescribeStacks with their drift status', async () => {
    const aws = mockedClients();
    const pages = pagesByToken('NextToken', {
      '': {
        Stacks: [
          {
            StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1',
            StackName: 'app',
            StackStatus: 'UPDATE_COMPLETE',
            CreationTime: new Date('2025-01-01T00:00:00Z'),
            EnableTerminationProtection: false,
            DriftInformation: { StackDriftStatus: 'DRIFTED' },
          },
        ],
        NextToken: 'p2',
      },
      p2: {
        Stacks: [
          {
            StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/net/2',
            StackName: 'net',
            StackStatus: 'CREATE_COMPLETE',
            CreationTime: new Date('2025-01-01T00:00:00Z'),
            EnableTerminationProtection: true,
          },
        ],
      },
    });
    aws.cloudformation.on(DescribeStacksCommand).callsFake(pages.serve);

    const result = await collectCloudFormationStacks(aws.clients, ctx);

    expect(pages.asked).toEqual([undefined, 'p2']);
    expect(result.resources.map((r) => [r.Name, r.EnableTerminationProtection, r.DriftInformation?.StackDriftStatus ?? null])).toEqual([
      ['app', false, 'DRIFTED'],
      ['net', true, null],
    ]);
  });

  it("collects log groups under Panther's capitalized names", async () => {
    const aws = mockedClients();
    aws.logs.on(DescribeLogGroupsCommand).resolves({
      logGroups: [
        {
          logGroupName: '/aws/lambda/api',
          arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/api:*',
          creationTime: 1735689600000,
          storedBytes: 42,
          metricFilterCount: 0,
        },
      ],
    });

    const result = await collectCloudWatchLogGroups(aws.clients, ctx);

    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.CloudWatch.LogGroup',
        ResourceId: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/api',
        Name: '/aws/lambda/api',
        RetentionInDays: null,
        KmsKeyId: null,
        StoredBytes: 42,
        TimeCreated: '2025-01-01T00:00:00.000Z',
      }),
    ]);
  });
});
