import { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { collectIamPasswordPolicy } from '../../src/scan/collectors/iam-password-policy';
import { collectIamRootUser } from '../../src/scan/collectors/iam-root-user';
import { accessDenied, awsError, collectContext, mockedClients } from './aws-mocks';

const ctx = collectContext({ region: 'global' });

describe('account-level IAM collectors', () => {
  it('reads root MFA and root access keys from the account summary', async () => {
    const aws = mockedClients();
    aws.iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, AccountSigningCertificatesPresent: 0, Users: 12 } });

    const result = await collectIamRootUser(aws.clients, ctx);

    expect(result).toEqual({
      errors: [],
      resources: [
        {
          ResourceType: 'AWS.IAM.RootUser',
          ResourceId: 'arn:aws:iam::123456789012:root',
          AccountId: '123456789012',
          Region: 'global',
          Tags: {},
          TimeCreated: null,
          Arn: 'arn:aws:iam::123456789012:root',
          MfaEnabled: false,
          AccessKeysPresent: true,
          SigningCertificatesPresent: false,
          AccountSummary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, AccountSigningCertificatesPresent: 0, Users: 12 },
        },
      ],
    });
  });

  it('builds ARNs in the scanned partition', async () => {
    const aws = mockedClients();
    aws.iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1 } });

    const result = await collectIamRootUser(aws.clients, collectContext({ region: 'global', partition: 'aws-us-gov' }));

    expect(result.resources[0]?.ResourceId).toBe('arn:aws-us-gov:iam::123456789012:root');
  });

  it('reports a denied account summary as a collection error for the root user', async () => {
    const aws = mockedClients();
    aws.iam.on(GetAccountSummaryCommand).rejects(accessDenied());

    const result = await collectIamRootUser(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ resourceType: 'AWS.IAM.RootUser', operation: 'GetAccountSummary', kind: 'access-denied' })]);
  });

  it('normalizes the account password policy', async () => {
    const aws = mockedClients();
    aws.iam.on(GetAccountPasswordPolicyCommand).resolves({
      PasswordPolicy: { MinimumPasswordLength: 16, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: false, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 365, PasswordReusePrevention: 24, HardExpiry: false },
    });

    const result = await collectIamPasswordPolicy(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.IAM.PasswordPolicy',
        ResourceId: 'arn:aws:iam::123456789012:account-password-policy',
        AccountId: '123456789012',
        Region: 'global',
        Tags: {},
        TimeCreated: null,
        Configured: true,
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
    expect(result.resources).toEqual([expect.objectContaining({ Configured: false, MinimumPasswordLength: null, PasswordReusePrevention: null })]);
  });
});
