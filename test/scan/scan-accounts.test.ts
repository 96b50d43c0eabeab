import { DescribeRegionsCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, GenerateCredentialReportCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { scanAccounts, type AccountAccess } from '../../src/scan/scan-accounts';
import { parseScanPlan } from '../../src/scan/scan-plan';
import { accessDenied, mockedClients, type MockedClients } from './aws-mocks';

const A = '111111111111';
const B = '222222222222';

/** STS answering AssumeRole with a session in the account the role ARN names. */
function fakeSts() {
  const client = new STSClient({ region: 'us-east-1', credentials: { accessKeyId: 'prowl', secretAccessKey: 'prowl' } });
  const sts = mockClient(client);
  sts.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => {
    const account = input.RoleArn.split(':')[4];
    return {
      Credentials: { AccessKeyId: `ASIA${account}`, SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date('2099-01-01T00:00:00Z') },
      AssumedRoleUser: { Arn: `arn:aws:sts::${account}:assumed-role/ProwlAudit/prowl-scan`, AssumedRoleId: 'AROA:prowl-scan' },
    };
  });
  return { client, stub: sts };
}

/** Hands out mocked clients per account and region; every call answers "nothing here" unless a test says otherwise. */
function fakeFactory(setup: (mocks: MockedClients, accountId: string, region: string) => void = () => undefined): {
  factory: (access: AccountAccess, region: string) => MockedClients['clients'];
  built: Array<{ accountId: string; region: string; access: AccountAccess }>;
} {
  const built: Array<{ accountId: string; region: string; access: AccountAccess }> = [];
  return {
    built,
    factory: (access, region) => {
      const mocks = mockedClients();
      mocks.s3.onAnyCommand().resolves({});
      mocks.s3Regional.onAnyCommand().resolves({});
      mocks.iam.onAnyCommand().resolves({});
      mocks.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
      mocks.ec2.onAnyCommand().resolves({});
      mocks.cloudtrail.onAnyCommand().resolves({});
      mocks.kms.onAnyCommand().resolves({});
      mocks.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: `sg-${region}`, GroupName: 'app' }] });
      setup(mocks, access.accountId, region);
      built.push({ accountId: access.accountId, region, access });
      return mocks.clients;
    },
  };
}

const noWait = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async (): Promise<void> => undefined, random: () => 0 };

describe('scanAccounts', () => {
  it("assumes the audit role in each account with the plan's role, external id and session name", async () => {
    const sts = fakeSts();
    const plan = parseScanPlan({
      externalId: 'prowl-external-id',
      accounts: [
        { id: A, regions: ['us-east-1'] },
        { id: B, regions: ['us-east-1'], roleArn: `arn:aws:iam::${B}:role/security/CustomAudit`, externalId: 'b-specific-id' },
      ],
      resourceTypes: ['AWS.IAM.RootUser'],
    });

    await scanAccounts(plan, { sts: sts.client, clients: fakeFactory().factory, retry: noWait });

    expect(sts.stub.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input)).toEqual([
      { RoleArn: `arn:aws:iam::${A}:role/ProwlAudit`, RoleSessionName: 'prowl-scan', ExternalId: 'prowl-external-id', DurationSeconds: 3600 },
      { RoleArn: `arn:aws:iam::${B}:role/security/CustomAudit`, RoleSessionName: 'prowl-scan', ExternalId: 'b-specific-id', DurationSeconds: 3600 },
    ]);
  });

  it('builds clients with the assumed credentials, collecting account-wide types once and regional types in every region', async () => {
    const sts = fakeSts();
    const { factory, built } = fakeFactory();
    const plan = parseScanPlan({
      externalId: 'x-id',
      accounts: [{ id: A, regions: ['us-east-1', 'eu-west-1'] }],
      resourceTypes: ['AWS.IAM.RootUser', 'AWS.EC2.SecurityGroup'],
    });

    const result = await scanAccounts(plan, { sts: sts.client, clients: factory, retry: noWait });

    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.ResourceId).sort()).toEqual([
      `arn:aws:ec2:eu-west-1:${A}:security-group/sg-eu-west-1`,
      `arn:aws:ec2:us-east-1:${A}:security-group/sg-us-east-1`,
      `arn:aws:iam::${A}:root`,
    ]);
    expect(await built[0]!.access.credentials()).toEqual({
      accessKeyId: `ASIA${A}`,
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: new Date('2099-01-01T00:00:00Z'),
    });
    expect(result.listed).toEqual(
      expect.arrayContaining([
        { accountId: A, region: 'global', resourceType: 'AWS.IAM.RootUser' },
        { accountId: A, region: 'us-east-1', resourceType: 'AWS.EC2.SecurityGroup' },
        { accountId: A, region: 'eu-west-1', resourceType: 'AWS.EC2.SecurityGroup' },
      ]),
    );
    expect(result.listed).toHaveLength(3);
  });

  it('reports an account whose role cannot be assumed and still scans the others', async () => {
    const sts = fakeSts();
    sts.stub.on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${A}:role/ProwlAudit` }).rejects(accessDenied());
    const plan = parseScanPlan({
      externalId: 'x-id',
      accounts: [
        { id: A, regions: ['us-east-1'] },
        { id: B, regions: ['us-east-1'] },
      ],
      resourceTypes: ['AWS.IAM.RootUser'],
    });

    const result = await scanAccounts(plan, { sts: sts.client, clients: fakeFactory().factory, retry: noWait });

    expect(result.resources.map((r) => r.AccountId)).toEqual([B]);
    expect(result.errors).toEqual([
      { accountId: A, region: 'us-east-1', operation: 'AssumeRole', kind: 'access-denied', code: 'AccessDenied', message: 'AccessDenied (mocked)' },
    ]);
  });

  it('refuses a role whose session lands in a different account than the one configured', async () => {
    const sts = fakeSts();
    const plan = parseScanPlan({ externalId: 'x-id', accounts: [{ id: A, regions: ['us-east-1'] }], resourceTypes: ['AWS.IAM.RootUser'] });
    sts.stub.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'k', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date('2099-01-01T00:00:00Z') },
      AssumedRoleUser: { Arn: `arn:aws:sts::${B}:assumed-role/ProwlAudit/prowl-scan`, AssumedRoleId: 'x' },
    });

    const result = await scanAccounts(plan, { sts: sts.client, clients: fakeFactory().factory, retry: noWait });

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ accountId: A, operation: 'AssumeRole', message: expect.stringContaining(`account ${B}, not ${A}`) }),
    ]);
  });

  it('finds the enabled regions when the plan says "all"', async () => {
    const sts = fakeSts();
    const { factory, built } = fakeFactory((mocks) => {
      mocks.ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'eu-west-1' }, { RegionName: 'us-east-1' }] });
    });
    const plan = parseScanPlan({ externalId: 'x-id', accounts: [{ id: A, regions: 'all' }], resourceTypes: ['AWS.EC2.SecurityGroup'] });

    const result = await scanAccounts(plan, { sts: sts.client, clients: factory, retry: noWait });

    expect(result.errors).toEqual([]);
    expect(built.map((b) => b.region)).toEqual(['us-east-1', 'eu-west-1', 'us-east-1']);
    expect(result.resources.map((r) => r.Region).sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('leaves a scope whose listing failed out of the listed scopes, so absence there is not read as deletion', async () => {
    const sts = fakeSts();
    const { factory } = fakeFactory((mocks, _account, region) => {
      if (region === 'eu-west-1') mocks.ec2.on(DescribeSecurityGroupsCommand).rejects(accessDenied('UnauthorizedOperation'));
    });
    const plan = parseScanPlan({ externalId: 'x-id', accounts: [{ id: A, regions: ['us-east-1', 'eu-west-1'] }], resourceTypes: ['AWS.EC2.SecurityGroup'] });

    const result = await scanAccounts(plan, { sts: sts.client, clients: factory, retry: noWait });

    expect(result.listed).toEqual([{ accountId: A, region: 'us-east-1', resourceType: 'AWS.EC2.SecurityGroup' }]);
    expect(result.errors).toEqual([
      expect.objectContaining({ accountId: A, region: 'eu-west-1', resourceType: 'AWS.EC2.SecurityGroup', kind: 'access-denied' }),
    ]);
  });

  it('runs only the resource types the plan names', async () => {
    const sts = fakeSts();
    const calls: string[] = [];
    const { factory } = fakeFactory((mocks) => {
      mocks.iam.on(GetAccountSummaryCommand).callsFake(() => {
        calls.push('GetAccountSummary');
        return {};
      });
    });
    const plan = parseScanPlan({ externalId: 'x-id', accounts: [{ id: A, regions: ['us-east-1'] }], resourceTypes: ['AWS.EC2.SecurityGroup'] });

    const result = await scanAccounts(plan, { sts: sts.client, clients: factory, retry: noWait });

    expect(new Set(result.resources.map((r) => r.ResourceType))).toEqual(new Set(['AWS.EC2.SecurityGroup']));
    expect(calls).toEqual([]);
  });
});
