import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { ACMClient, DescribeCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand } from '@aws-sdk/client-config-service';
import {
  DescribeClustersCommand as DescribeEcsClustersCommand,
  ECSClient,
  ListClustersCommand as ListEcsClustersCommand,
  ListServicesCommand as ListEcsServicesCommand,
} from '@aws-sdk/client-ecs';
import { DescribeClusterCommand as DescribeEksClusterCommand, EKSClient, ListClustersCommand as ListEksClustersCommand } from '@aws-sdk/client-eks';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { DescribeDBInstancesCommand, DescribeDBSnapshotsCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeClustersCommand as DescribeRedshiftClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetWebACLCommand, ListWebACLsCommand, WAFClient } from '@aws-sdk/client-waf';
import * as wafRegional from '@aws-sdk/client-waf-regional';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, DescribeTrailsCommand, ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
} from '@aws-sdk/client-iam';
import { DescribeKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import type { CollectContext } from '../../src/scan/collection';
import type { ScanClients } from '../../src/scan/collector';

/** An error shaped like the SDK's service exceptions: the AWS error code is its name. */
export function awsError(code: string, httpStatusCode = 400, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code} (mocked)`), { name: code, $fault: 'client', $metadata: { httpStatusCode }, ...extra });
}

export const throttled = (): Error => awsError('Throttling', 400, { $retryable: { throttling: true } });
export const accessDenied = (code = 'AccessDenied'): Error => awsError(code, 403);

/** Backoff delays the scan asked for; the scan never really waits in tests. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

export function collectContext(overrides: Partial<CollectContext> = {}): CollectContext {
  return {
    accountId: '123456789012',
    region: 'us-east-1',
    partition: 'aws',
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, sleep: async () => undefined, random: () => 0.5 },
    concurrency: 4,
    ...overrides,
  };
}

/** What tests use of a stub whose command types the mock library cannot check (see mockWafRegional). */
export interface LooseStub {
  on(command: abstract new (...args: never[]) => unknown, input?: object): LooseBehavior;
  onAnyCommand(): LooseBehavior;
  calls(): Array<{ args: unknown[] }>;
}

interface LooseBehavior {
  /** Pass answers as `{…} satisfies <Operation>Response` so their shape is still the SDK's. */
  resolves(output: object): LooseBehavior;
  rejects(error: Error): LooseBehavior;
  callsFake(fake: (input: never) => unknown): LooseBehavior;
}

/**
 * @aws-sdk/client-waf-regional is frozen at an older SDK release (WAF Classic is deprecated), whose
 * smithy types differ from the mock library's; at run time its `send` is stubbed like any other.
 */
function mockWafRegional(client: wafRegional.WAFRegionalClient): LooseStub {
  return mockClient(client as unknown as WAFClient) as unknown as LooseStub;
}

function buildMockedClients() {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const s3 = new S3Client({ region: 'us-east-1', credentials });
  const s3Regional = new S3Client({ region: 'eu-west-1', credentials });
  const iam = new IAMClient({ region: 'us-east-1', credentials });
  const ec2 = new EC2Client({ region: 'us-east-1', credentials });
  const cloudtrail = new CloudTrailClient({ region: 'us-east-1', credentials });
  const kms = new KMSClient({ region: 'us-east-1', credentials });
  const lambda = new LambdaClient({ region: 'us-east-1', credentials });
  const dynamodb = new DynamoDBClient({ region: 'us-east-1', credentials });
  const cloudformation = new CloudFormationClient({ region: 'us-east-1', credentials });
  const logs = new CloudWatchLogsClient({ region: 'us-east-1', credentials });
  const acm = new ACMClient({ region: 'us-east-1', credentials });
  const ecs = new ECSClient({ region: 'us-east-1', credentials });
  const eks = new EKSClient({ region: 'us-east-1', credentials });
  const elbv2 = new ElasticLoadBalancingV2Client({ region: 'us-east-1', credentials });
  const guardduty = new GuardDutyClient({ region: 'us-east-1', credentials });
  const config = new ConfigServiceClient({ region: 'us-east-1', credentials });
  const rds = new RDSClient({ region: 'us-east-1', credentials });
  const redshift = new RedshiftClient({ region: 'us-east-1', credentials });
  const accessanalyzer = new AccessAnalyzerClient({ region: 'us-east-1', credentials });
  const s3control = new S3ControlClient({ region: 'us-east-1', credentials });
  const waf = new WAFClient({ region: 'us-east-1', credentials });
  const wafRegionalClient = new wafRegional.WAFRegionalClient({ region: 'us-east-1', credentials });
  const regionsAsked: string[] = [];
  const clients: ScanClients = {
    acm,
    ecs,
    eks,
    elbv2,
    guardduty,
    config,
    rds,
    redshift,
    accessanalyzer,
    s3control,
    waf,
    wafRegional: wafRegionalClient,
    s3,
    iam,
    ec2,
    cloudtrail,
    kms,
    lambda,
    dynamodb,
    cloudformation,
    logs,
    s3ForRegion: (region) => {
      regionsAsked.push(region);
      return region === 'us-east-1' ? s3 : s3Regional;
    },
  };
  return {
    clients,
    s3: mockClient(s3),
    /** Answers for buckets outside us-east-1 (the collector reads a bucket where it lives). */
    s3Regional: mockClient(s3Regional),
    iam: mockClient(iam),
    ec2: mockClient(ec2),
    cloudtrail: mockClient(cloudtrail),
    kms: mockClient(kms),
    lambda: mockClient(lambda),
    dynamodb: mockClient(dynamodb),
    cloudformation: mockClient(cloudformation),
    logs: mockClient(logs),
    acm: mockClient(acm),
    ecs: mockClient(ecs),
    eks: mockClient(eks),
    elbv2: mockClient(elbv2),
    guardduty: mockClient(guardduty),
    config: mockClient(config),
    rds: mockClient(rds),
    redshift: mockClient(redshift),
    accessanalyzer: mockClient(accessanalyzer),
    s3control: mockClient(s3control),
    waf: mockClient(waf),
    wafRegional: mockWafRegional(wafRegionalClient),
    regionsAsked,
  };
}

export type MockedClients = ReturnType<typeof buildMockedClients>;

/** Real SDK clients whose `send` is mocked: paginators accept them, and no request leaves the process. */
export function mockedClients(): MockedClients {
  return buildMockedClients();
}

/**
 * Answers a listing by the page token in the request (`''` for the first page) and records the
 * tokens at call time: paginators reuse one input object, so recorded command inputs would all
 * show the last token.
 */
export function pagesByToken<P>(tokenField: string, pages: Record<string, P>): { serve: (input: object) => P; asked: Array<string | undefined> } {
  const asked: Array<string | undefined> = [];
  return {
    asked,
    serve: (input) => {
      const token = (input as Record<string, string | undefined>)[tokenField];
      asked.push(token);
      const page = pages[token ?? ''];
      if (page === undefined) throw new Error(`no page for ${tokenField}=${String(token)}`);
      return page;
    },
  };
}

const REPORT_COLUMNS =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** GetCredentialReport's Content: IAM's CSV, with its N/A and no_information placeholders, as bytes. */
export function credentialReportContent(rows: string[]): Uint8Array {
  return new TextEncoder().encode([REPORT_COLUMNS, ...rows].join('\n'));
}

/** The root row as IAM writes it for a root user with MFA, no keys and a password last used in June 2025. */
export const ROOT_REPORT_ROW =
  '<root_account>,arn:aws:iam::123456789012:root,2019-03-01T10:00:00+00:00,not_supported,2025-06-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

/** IAM answers for a user collector run whose per-user details do not matter to the test: a ready report, nothing attached. */
export function quietIamUsers(aws: MockedClients): void {
  aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  aws.iam.on(GetCredentialReportCommand).resolves({ Content: credentialReportContent([ROOT_REPORT_ROW]) });
  aws.iam.on(ListMFADevicesCommand).resolves({});
  aws.iam.on(ListUserTagsCommand).resolves({});
  aws.iam.on(ListGroupsForUserCommand).resolves({});
  aws.iam.on(ListUserPoliciesCommand).resolves({});
  aws.iam.on(ListAttachedUserPoliciesCommand).resolves({});
}

/** Every listing returns one item, so every per-resource call is made; everything else answers empty. */
export function answeringEverything(): MockedClients {
  const aws = mockedClients();
  aws.s3.onAnyCommand().resolves({});
  aws.s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'b' }] });
  aws.iam.onAnyCommand().resolves({});
  aws.iam.on(ListUsersCommand).resolves({
    Users: [{ UserName: 'u', UserId: 'AIDAU', Arn: 'arn:aws:iam::123456789012:user/u', Path: '/', CreateDate: new Date('2025-01-01T00:00:00Z') }],
  });
  aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  aws.iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode('user,arn\n') });
  aws.iam.on(ListUserPoliciesCommand).resolves({ PolicyNames: ['inline'] });
  aws.ec2.onAnyCommand().resolves({});
  aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web' }] });
  aws.ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', IsDefault: false }] });
  aws.ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [] }] });
  aws.ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', State: { Name: 'running' } }] }] });
  aws.ec2.on(DescribeImagesCommand).resolves({ Images: [{ ImageId: 'ami-1' }] });
  aws.ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ VolumeId: 'vol-1' }] });
  aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-1' }] });
  aws.iam.on(ListRolesCommand).resolves({
    Roles: [{ RoleName: 'r', RoleId: 'AROAR', Arn: 'arn:aws:iam::123456789012:role/r', Path: '/', CreateDate: new Date('2025-01-01T00:00:00Z') }],
  });
  aws.iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: ['inline'] });
  aws.iam.on(ListGroupsCommand).resolves({
    Groups: [{ GroupName: 'g', GroupId: 'AGPAG', Arn: 'arn:aws:iam::123456789012:group/g', Path: '/', CreateDate: new Date('2025-01-01T00:00:00Z') }],
  });
  aws.iam.on(ListGroupPoliciesCommand).resolves({ PolicyNames: ['inline'] });
  aws.iam.on(ListPoliciesCommand).resolves({ Policies: [{ PolicyName: 'p', Arn: 'arn:aws:iam::123456789012:policy/p', DefaultVersionId: 'v1' }] });
  aws.lambda.onAnyCommand().resolves({});
  aws.lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'f', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }] });
  aws.dynamodb.onAnyCommand().resolves({});
  aws.dynamodb.on(ListTablesCommand).resolves({ TableNames: ['t'] });
  aws.cloudformation.onAnyCommand().resolves({});
  aws.cloudformation.on(DescribeStacksCommand).resolves({
    Stacks: [
      {
        StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1',
        StackName: 'app',
        StackStatus: 'CREATE_COMPLETE',
        CreationTime: new Date('2025-01-01T00:00:00Z'),
      },
    ],
  });
  aws.logs.onAnyCommand().resolves({});
  aws.logs.on(DescribeLogGroupsCommand).resolves({
    logGroups: [{ logGroupName: '/aws/lambda/api', arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/api:*', creationTime: 1735689600000 }],
  });
  aws.cloudtrail.onAnyCommand().resolves({});
  aws.cloudtrail
    .on(DescribeTrailsCommand)
    .resolves({ trailList: [{ TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t', HomeRegion: 'us-east-1', IsMultiRegionTrail: true }] });
  aws.cloudtrail.on(ListTrailsCommand).resolves({ Trails: [{ TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t', HomeRegion: 'us-east-1' }] });
  aws.kms.onAnyCommand().resolves({});
  aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k' }] });
  const at = new Date('2025-01-01T00:00:00Z');
  aws.acm.onAnyCommand().resolves({});
  aws.acm
    .on(ListCertificatesCommand)
    .resolves({ CertificateSummaryList: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/c1', DomainName: 'example.com' }] });
  aws.acm.on(DescribeCertificateCommand).resolves({
    Certificate: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/c1', DomainName: 'example.com', Status: 'ISSUED', CreatedAt: at },
  });
  aws.ecs.onAnyCommand().resolves({});
  aws.ecs.on(ListEcsClustersCommand).resolves({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/apps'] });
  aws.ecs
    .on(DescribeEcsClustersCommand)
    .resolves({ clusters: [{ clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/apps', clusterName: 'apps', status: 'ACTIVE' }] });
  aws.ecs.on(ListEcsServicesCommand).resolves({ serviceArns: ['arn:aws:ecs:us-east-1:123456789012:service/apps/web'] });
  aws.eks.onAnyCommand().resolves({});
  aws.eks.on(ListEksClustersCommand).resolves({ clusters: ['platform'] });
  aws.eks.on(DescribeEksClusterCommand).resolves({ cluster: { name: 'platform', arn: 'arn:aws:eks:us-east-1:123456789012:cluster/platform', createdAt: at } });
  aws.elbv2.onAnyCommand().resolves({});
  aws.elbv2.on(DescribeLoadBalancersCommand).resolves({
    LoadBalancers: [
      { LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1', LoadBalancerName: 'web', Type: 'application' },
    ],
  });
  aws.elbv2.on(DescribeListenersCommand).resolves({
    Listeners: [
      {
        ListenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/2',
        Port: 443,
        Protocol: 'HTTPS',
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      },
    ],
  });
  aws.guardduty.onAnyCommand().resolves({});
  aws.guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
  aws.config.onAnyCommand().resolves({});
  aws.config
    .on(DescribeConfigurationRecordersCommand)
    .resolves({ ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } }] });
  aws.rds.onAnyCommand().resolves({});
  aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'db', DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:db' }] });
  aws.rds.on(DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'db-manual' }] });
  aws.redshift.onAnyCommand().resolves({});
  aws.redshift.on(DescribeRedshiftClustersCommand).resolves({ Clusters: [{ ClusterIdentifier: 'warehouse' }] });
  aws.accessanalyzer.onAnyCommand().resolves({});
  aws.accessanalyzer.on(ListAnalyzersCommand).resolves({
    analyzers: [{ arn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/a', name: 'a', type: 'ACCOUNT', status: 'ACTIVE', createdAt: at }],
  });
  aws.s3control.onAnyCommand().resolves({});
  aws.waf.onAnyCommand().resolves({});
  aws.waf.on(ListWebACLsCommand).resolves({ WebACLs: [{ WebACLId: 'w1', Name: 'edge' }] });
  aws.waf.on(GetWebACLCommand).resolves({
    WebACL: {
      WebACLId: 'w1',
      Name: 'edge',
      DefaultAction: { Type: 'BLOCK' },
      Rules: [
        { RuleId: 'r1', Priority: 1, Action: { Type: 'BLOCK' } },
        { RuleId: 'rate1', Priority: 2, Action: { Type: 'BLOCK' }, Type: 'RATE_BASED' },
      ],
    },
  });
  aws.wafRegional.onAnyCommand().resolves({});
  aws.wafRegional.on(wafRegional.ListWebACLsCommand).resolves({ WebACLs: [{ WebACLId: 'w2', Name: 'alb' }] } satisfies wafRegional.ListWebACLsResponse);
  aws.wafRegional.on(wafRegional.GetWebACLCommand).resolves({
    WebACL: {
      WebACLId: 'w2',
      Name: 'alb',
      DefaultAction: { Type: 'ALLOW' },
      Rules: [
        { RuleId: 'r2', Priority: 1, Action: { Type: 'BLOCK' } },
        { RuleId: 'rate2', Priority: 2, Action: { Type: 'BLOCK' }, Type: 'RATE_BASED' },
      ],
    },
  } satisfies wafRegional.GetWebACLResponse);
  aws.kms
    .on(DescribeKeyCommand)
    .resolves({ KeyMetadata: { KeyId: 'k', KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } });
  return aws;
}
