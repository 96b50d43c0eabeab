import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { collectIamPasswordPolicy } from '../../src/scan/collectors/iam-password-policy';
import { collectIamRootUser } from '../../src/scan/collectors/iam-root-user';
import { accessDenied, awsError, collectContext, credentialReportContent, mockedClients, ROOT_REPORT_ROW } from './aws-mocks';

const ctx = collectContext({ region: 'global' });

describe('account-level IAM collectors', () => {
  it('reads the root user from the credential report, with its virtual MFA device if it has one', async () => {
    const aws = mockedClients();
    aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    aws.iam.on(GetCredentialReportCommand).resolves({ Content: credentialReportContent([ROOT_REPORT_ROW]), ReportFormat: 'text/csv' });
    aws.iam.on(ListVirtualMFADevicesCommand).resolves({
      VirtualMFADevices: [
        {
          SerialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device',
          User: { Arn: 'arn:aws:iam::123456789012:root', UserName: '', UserId: '123456789012', Path: '/', CreateDate: new Date('2019-03-01T10:00:00Z') },
          EnableDate: new Date('2019-03-02T00:00:00Z'),
        },
      ],
    });

    const result = await collectIamRootUser(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceType: 'AWS.IAM.RootUser',
        ResourceId: 'arn:aws:iam::123456789012:root',
        Region: 'global',
        TimeCreated: '2019-03-01T10:00:00.000Z',
        VirtualMFA: { SerialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', EnableDate: '2019-03-02T00:00:00.000Z' },
        CredentialReport: expect.objectContaining({
          UserName: '<root_account>',
          // IAM says not_supported for root's password columns and N/A for absent keys: both read as null.
          PasswordEnabled: null,
          PasswordLastUsed: '2025-06-01T08:00:00.000Z',
          MfaActive: true,
          AccessKey1Active: false,
          AccessKey1LastRotated: null,
        }),
      }),
    ]);
  });

  it('waits while IAM builds the credential report', async () => {
    const aws = mockedClients();
    const waits: number[] = [];
    aws.iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolvesOnce({ State: 'INPROGRESS' }).resolves({ State: 'COMPLETE' });
    aws.iam.on(GetCredentialReportCommand).resolves({ Content: credentialReportContent([ROOT_REPORT_ROW]) });
    aws.iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });

    const result = await collectIamRootUser(
      aws.clients,
      collectContext({ region: 'global', retry: { ...ctx.retry, sleep: async (ms) => void waits.push(ms) } }),
    );

    expect(result.resources[0]?.VirtualMFA).toBeNull();
    expect(waits).toHaveLength(2);
  });

  it('builds ARNs in the scanned partition', async () => {
    const aws = mockedClients();
    aws.iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    aws.iam.on(GetCredentialReportCommand).resolves({ Content: credentialReportContent([]) });
    aws.iam.on(ListVirtualMFADevicesCommand).resolves({});

    const result = await collectIamRootUser(aws.clients, collectContext({ region: 'global', partition: 'aws-us-gov' }));

    expect(result.resources[0]?.ResourceId).toBe('arn:aws-us-gov:iam::123456789012:root');
  });

  it('reports a denied credential report as a collection error for the root user', async () => {
    const aws = mockedClients();
    aws.iam.on(GenerateCredentialReportCommand).rejects(accessDenied());
    aws.iam.on(ListVirtualMFADevicesCommand).resolves({});

    const result = await collectIamRootUser(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ resourceType: 'AWS.IAM.RootUser', operation: 'GenerateCredentialReport', kind: 'access-denied' }),
    ]);
  });

  it("keeps the account password policy as IAM returns it, with Panther's AnyExist", async () => {
    const aws = mockedClients();
    aws.iam.on(GetAccountPasswordPolicyCommand).resolves({
      PasswordPolicy: {
        MinimumPasswordLength: 16,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        MaxPasswordAge: 365,
        PasswordReusePrevention: 24,
        HardExpiry: false,
      },
    });

    const result = await collectIamPasswordPolicy(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.PasswordPolicy',
        ResourceId: 'arn:aws:iam::123456789012:account-password-policy',
        AccountId: '123456789012',
        Region: 'global',
        Arn: null,
        Id: null,
        Name: null,
        Tags: null,
        TimeCreated: null,
        AnyExist: true,
        MinimumPasswordLength: 16,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        MaxPasswordAge: 365,
        PasswordReusePrevention: 24,
        HardExpiry: false,
      },
    ]);
  });

  it('reports an account without a password policy as an unconfigured policy, not an error', async () => {
    const aws = mockedClients();
    aws.iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntityException', 404));

    const result = await collectIamPasswordPolicy(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([expect.objectContaining({ AnyExist: false, MinimumPasswordLength: null, PasswordReusePrevention: null })]);
  });
});
