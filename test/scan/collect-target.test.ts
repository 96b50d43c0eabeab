import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { collectTarget, planCovers } from '../../src/scan/scan-accounts';
import { parseScanPlan } from '../../src/scan/scan-plan';
import { awsError, mockedClients, type MockedClients } from './aws-mocks';

const ACCOUNT = '123456789012';
const plan = parseScanPlan({ externalId: 'x-id', accounts: [{ id: ACCOUNT, regions: ['us-east-1', 'eu-west-1'] }] });
const noWait = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async (): Promise<void> => undefined, random: () => 0 };

function sts(): STSClient {
  const client = new STSClient({ region: 'us-east-1', credentials: { accessKeyId: 'prowl', secretAccessKey: 'prowl' } });
  mockClient(client)
    .on(AssumeRoleCommand)
    .resolves({
      Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date('2099-01-01T00:00:00Z') },
      AssumedRoleUser: { Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ProwlAudit/prowl-scan`, AssumedRoleId: 'x' },
    });
  return client;
}

function deps(setup: (mocks: MockedClients) => void): { deps: Parameters<typeof collectTarget>[2]; regions: string[] } {
  const regions: string[] = [];
  return {
    regions,
    deps: {
      sts: sts(),
      retry: noWait,
      clients: (_access, region) => {
        regions.push(region);
        const mocks = mockedClients();
        setup(mocks);
        return mocks.clients;
      },
    },
  };
}

describe('collectTarget', () => {
  it('reads one security group by id, in the region of the change', async () => {
    const run = deps((aws) =>
      aws.ec2.on(DescribeSecurityGroupsCommand, { GroupIds: ['sg-1'] }).resolves({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', OwnerId: ACCOUNT }] }),
    );

    const result = await collectTarget(plan, { accountId: ACCOUNT, region: 'eu-west-1', resourceType: 'AWS.EC2.SecurityGroup', name: 'sg-1' }, run.deps);

    expect(result.resources.map((r) => r.ResourceId)).toEqual([`arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-1`]);
    expect(result.listed).toEqual([]);
    expect(run.regions).toEqual(['eu-west-1']);
  });

  it('finds nothing and reports nothing for a group deleted meanwhile', async () => {
    const run = deps((aws) => aws.ec2.on(DescribeSecurityGroupsCommand).rejects(awsError('InvalidGroup.NotFound')));

    expect(await collectTarget(plan, { accountId: ACCOUNT, region: 'us-east-1', resourceType: 'AWS.EC2.SecurityGroup', name: 'sg-gone' }, run.deps)).toEqual({
      resources: [],
      errors: [],
      listed: [],
    });
  });

  it('narrows a type without a single-resource read to the one resource', async () => {
    const run = deps((aws) => {
      aws.kms.onAnyCommand().resolves({});
      aws.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k-1' }, { KeyId: 'k-2' }] });
      aws.kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => ({
        KeyMetadata: {
          KeyId: input.KeyId,
          Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${input.KeyId}`,
          KeyManager: 'CUSTOMER',
          KeySpec: 'RSA_2048',
          Origin: 'AWS_KMS',
        },
      }));
    });

    const result = await collectTarget(plan, { accountId: ACCOUNT, region: 'us-east-1', resourceType: 'AWS.KMS.Key', name: 'k-2' }, run.deps);

    expect(result.resources.map((r) => r.ResourceId)).toEqual([`arn:aws:kms:us-east-1:${ACCOUNT}:key/k-2`]);
  });
});

describe('planCovers', () => {
  it('covers scanned accounts, their regions, and account-wide types', () => {
    expect(planCovers(plan, { accountId: ACCOUNT, region: 'eu-west-1', resourceType: 'AWS.EC2.SecurityGroup', name: 'sg-1' })).toBe(true);
    expect(planCovers(plan, { accountId: ACCOUNT, region: 'global', resourceType: 'AWS.S3.Bucket', name: 'b' })).toBe(true);
    expect(planCovers(plan, { accountId: ACCOUNT, region: 'ap-south-1', resourceType: 'AWS.EC2.SecurityGroup', name: 'sg-1' })).toBe(false);
    expect(planCovers(plan, { accountId: '999999999999', region: 'global', resourceType: 'AWS.S3.Bucket', name: 'b' })).toBe(false);
  });
});
