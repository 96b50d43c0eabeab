import { GetAccessKeyLastUsedCommand, GetLoginProfileCommand, ListAccessKeysCommand, ListMFADevicesCommand, ListUsersCommand, ListUserTagsCommand } from '@aws-sdk/client-iam';
import { collectIamUsers } from '../../src/scan/collectors/iam-user';
import { awsError, collectContext, mockedClients } from './aws-mocks';

const alice = { UserName: 'alice', UserId: 'AIDAALICE', Arn: 'arn:aws:iam::123456789012:user/people/alice', Path: '/people/', CreateDate: new Date('2025-01-10T09:00:00Z'), PasswordLastUsed: new Date('2026-11-20T08:00:00Z') };
const ci = { UserName: 'ci', UserId: 'AIDACI', Arn: 'arn:aws:iam::123456789012:user/ci', Path: '/', CreateDate: new Date('2024-06-01T00:00:00Z') };

describe('collectIamUsers', () => {
  it('normalizes users with MFA, console access, tags and each access key\'s age and last use', async () => {
    const aws = mockedClients();
    aws.iam.on(ListUsersCommand).resolves({ Users: [alice, ci] });
    aws.iam.on(ListMFADevicesCommand, { UserName: 'alice' }).resolves({ MFADevices: [{ UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', EnableDate: new Date('2025-01-10T09:10:00Z') }] });
    aws.iam.on(ListMFADevicesCommand, { UserName: 'ci' }).resolves({ MFADevices: [] });
    aws.iam.on(ListAccessKeysCommand, { UserName: 'alice' }).resolves({ AccessKeyMetadata: [] });
    aws.iam.on(ListAccessKeysCommand, { UserName: 'ci' }).resolves({
      AccessKeyMetadata: [
        { AccessKeyId: 'AKIAUSED', Status: 'Active', CreateDate: new Date('2024-06-01T00:00:00Z') },
        { AccessKeyId: 'AKIANEVER', Status: 'Inactive', CreateDate: new Date('2024-07-01T00:00:00Z') },
      ],
    });
    aws.iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIAUSED' }).resolves({ AccessKeyLastUsed: { LastUsedDate: new Date('2026-11-21T00:00:00Z'), ServiceName: 's3', Region: 'eu-west-1' } });
    // IAM's answer for a key that was never used.
    aws.iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIANEVER' }).resolves({ AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    aws.iam.on(ListUserTagsCommand, { UserName: 'alice' }).resolves({ Tags: [{ Key: 'team', Value: 'security' }] });
    aws.iam.on(ListUserTagsCommand, { UserName: 'ci' }).resolves({ Tags: [] });
    aws.iam.on(GetLoginProfileCommand, { UserName: 'alice' }).resolves({ LoginProfile: { UserName: 'alice', CreateDate: new Date('2025-01-10T09:05:00Z') } });
    aws.iam.on(GetLoginProfileCommand, { UserName: 'ci' }).rejects(awsError('NoSuchEntityException', 404));

    const result = await collectIamUsers(aws.clients, collectContext({ region: 'global' }));

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.IAM.User',
        ResourceId: 'arn:aws:iam::123456789012:user/people/alice',
        AccountId: '123456789012',
        Region: 'global',
        Tags: { team: 'security' },
        TimeCreated: '2025-01-10T09:00:00.000Z',
        UserName: 'alice',
        UserId: 'AIDAALICE',
        Arn: 'arn:aws:iam::123456789012:user/people/alice',
        Path: '/people/',
        ConsoleAccess: true,
        LoginProfileCreated: '2025-01-10T09:05:00.000Z',
        PasswordLastUsed: '2026-11-20T08:00:00.000Z',
        MfaDevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', EnableDate: '2025-01-10T09:10:00.000Z' }],
        AccessKeys: [],
      },
      {
        ResourceType: 'AWS.IAM.User',
        ResourceId: 'arn:aws:iam::123456789012:user/ci',
        AccountId: '123456789012',
        Region: 'global',
        Tags: {},
        TimeCreated: '2024-06-01T00:00:00.000Z',
        UserName: 'ci',
        UserId: 'AIDACI',
        Arn: 'arn:aws:iam::123456789012:user/ci',
        Path: '/',
        ConsoleAccess: false,
        LoginProfileCreated: null,
        PasswordLastUsed: null,
        MfaDevices: [],
        AccessKeys: [
          { AccessKeyId: 'AKIAUSED', Status: 'Active', CreateDate: '2024-06-01T00:00:00.000Z', LastUsedDate: '2026-11-21T00:00:00.000Z', LastUsedService: 's3', LastUsedRegion: 'eu-west-1' },
          { AccessKeyId: 'AKIANEVER', Status: 'Inactive', CreateDate: '2024-07-01T00:00:00.000Z', LastUsedDate: null, LastUsedService: null, LastUsedRegion: null },
        ],
      },
    ]);
  });

  it('skips a user deleted between the listing and its describe, without an error', async () => {
    const aws = mockedClients();
    aws.iam.on(ListUsersCommand).resolves({ Users: [ci] });
    aws.iam.on(ListMFADevicesCommand).rejects(awsError('NoSuchEntityException', 404));
    aws.iam.on(ListAccessKeysCommand).rejects(awsError('NoSuchEntityException', 404));
    aws.iam.on(ListUserTagsCommand).rejects(awsError('NoSuchEntityException', 404));
    aws.iam.on(GetLoginProfileCommand).rejects(awsError('NoSuchEntityException', 404));

    expect(await collectIamUsers(aws.clients, collectContext({ region: 'global' }))).toEqual({ resources: [], errors: [] });
  });
});
