import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  GetUserPolicyCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
} from '@aws-sdk/client-iam';
import { collectIamUsers } from '../../src/scan/collectors/iam-user';
import { awsError, collectContext, credentialReportContent, mockedClients, ROOT_REPORT_ROW } from './aws-mocks';

const alice = {
  UserName: 'alice',
  UserId: 'AIDAALICE',
  Arn: 'arn:aws:iam::123456789012:user/people/alice',
  Path: '/people/',
  CreateDate: new Date('2025-01-10T09:00:00Z'),
  PasswordLastUsed: new Date('2026-11-20T08:00:00Z'),
};
const ci = { UserName: 'ci', UserId: 'AIDACI', Arn: 'arn:aws:iam::123456789012:user/ci', Path: '/', CreateDate: new Date('2024-06-01T00:00:00Z') };

const CI_ROW =
  'ci,arn:aws:iam::123456789012:user/ci,2024-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2024-06-01T00:00:00+00:00,2026-11-21T00:00:00+00:00,eu-west-1,s3,false,2024-07-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A';
const ALICE_ROW =
  'alice,arn:aws:iam::123456789012:user/people/alice,2025-01-10T09:00:00+00:00,true,2026-11-20T08:00:00+00:00,2025-01-10T09:05:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

function report(aws: ReturnType<typeof mockedClients>): void {
  aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  aws.iam.on(GetCredentialReportCommand).resolves({ Content: credentialReportContent([ROOT_REPORT_ROW, ALICE_ROW, CI_ROW]), ReportFormat: 'text/csv' });
}

describe('collectIamUsers', () => {
  it("collects users in Panther's shape: credential report row, virtual MFA, groups, inline and managed policies", async () => {
    const aws = mockedClients();
    report(aws);
    aws.iam.on(ListUsersCommand).resolves({ Users: [alice, ci] });
    aws.iam
      .on(ListMFADevicesCommand, { UserName: 'alice' })
      .resolves({ MFADevices: [{ UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', EnableDate: new Date('2025-01-10T09:10:00Z') }] });
    // A hardware token's serial is not an ARN: no virtual device.
    aws.iam
      .on(ListMFADevicesCommand, { UserName: 'ci' })
      .resolves({ MFADevices: [{ UserName: 'ci', SerialNumber: 'GAHT12345678', EnableDate: new Date('2025-01-10T09:10:00Z') }] });
    aws.iam.on(ListUserTagsCommand, { UserName: 'alice' }).resolves({ Tags: [{ Key: 'team', Value: 'security' }] });
    aws.iam.on(ListUserTagsCommand, { UserName: 'ci' }).resolves({ Tags: [] });
    aws.iam.on(ListGroupsForUserCommand, { UserName: 'alice' }).resolves({
      Groups: [
        {
          GroupName: 'admins',
          GroupId: 'AGPAADMINS',
          Arn: 'arn:aws:iam::123456789012:group/admins',
          Path: '/',
          CreateDate: new Date('2024-01-01T00:00:00Z'),
        },
      ],
    });
    aws.iam.on(ListGroupsForUserCommand, { UserName: 'ci' }).resolves({ Groups: [] });
    aws.iam.on(ListUserPoliciesCommand, { UserName: 'alice' }).resolves({ PolicyNames: [] });
    aws.iam.on(ListUserPoliciesCommand, { UserName: 'ci' }).resolves({ PolicyNames: ['deploy'] });
    // IAM returns inline documents URL-encoded.
    aws.iam.on(GetUserPolicyCommand, { UserName: 'ci', PolicyName: 'deploy' }).resolves({
      UserName: 'ci',
      PolicyName: 'deploy',
      PolicyDocument: encodeURIComponent('{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'),
    });
    aws.iam
      .on(ListAttachedUserPoliciesCommand, { UserName: 'alice' })
      .resolves({ AttachedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] });
    aws.iam.on(ListAttachedUserPoliciesCommand, { UserName: 'ci' }).resolves({ AttachedPolicies: [] });

    const result = await collectIamUsers(aws.clients, collectContext({ region: 'global' }));

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.IAM.User',
        ResourceId: 'arn:aws:iam::123456789012:user/people/alice',
        Arn: 'arn:aws:iam::123456789012:user/people/alice',
        Id: 'AIDAALICE',
        Name: 'alice',
        Region: 'global',
        Tags: { team: 'security' },
        TimeCreated: '2025-01-10T09:00:00.000Z',
        Path: '/people/',
        PasswordLastUsed: '2026-11-20T08:00:00.000Z',
        CredentialReport: expect.objectContaining({
          PasswordEnabled: true,
          PasswordLastChanged: '2025-01-10T09:05:00.000Z',
          MfaActive: true,
          AccessKey1Active: false,
        }),
        Groups: [
          { GroupName: 'admins', GroupId: 'AGPAADMINS', Arn: 'arn:aws:iam::123456789012:group/admins', Path: '/', CreateDate: '2024-01-01T00:00:00.000Z' },
        ],
        InlinePolicies: null,
        ManagedPolicyNames: ['ReadOnlyAccess'],
        VirtualMFA: { SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', EnableDate: '2025-01-10T09:10:00.000Z' },
        PermissionsBoundary: null,
      }),
      expect.objectContaining({
        ResourceId: 'arn:aws:iam::123456789012:user/ci',
        Tags: null,
        PasswordLastUsed: null,
        CredentialReport: expect.objectContaining({
          PasswordEnabled: false,
          AccessKey1Active: true,
          AccessKey1LastRotated: '2024-06-01T00:00:00.000Z',
          AccessKey1LastUsedDate: '2026-11-21T00:00:00.000Z',
          AccessKey1LastUsedRegion: 'eu-west-1',
          AccessKey1LastUsedService: 's3',
          AccessKey2Active: false,
          AccessKey2LastUsedDate: null,
        }),
        InlinePolicies: { deploy: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' },
        ManagedPolicyNames: [],
        VirtualMFA: null,
      }),
    ]);
  });

  it('skips a user deleted between the listing and its describe, without an error', async () => {
    const aws = mockedClients();
    report(aws);
    aws.iam.on(ListUsersCommand).resolves({ Users: [ci] });
    aws.iam.onAnyCommand({ UserName: 'ci' }).rejects(awsError('NoSuchEntityException', 404));

    expect(await collectIamUsers(aws.clients, collectContext({ region: 'global' }))).toEqual({ resources: [], errors: [] });
  });
});
