import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamUser } from '../../src/scan/test-resources';
import { hasConsolePassword } from '../lib/credentials';

export default definePolicy({
  id: 'AWS.IAM.User.ConsoleMFADisabled',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'HIGH',
  description:
    'The IAM user can sign in to the console with a password but has no MFA device, so a phished or reused password is enough to take over the user.',
  runbook:
    'Ask the user to register an MFA device (IAM → Users → the user → Security credentials), or remove the console password if the user does not need the console. Better still, move people to IAM Identity Center and keep IAM users for nothing interactive.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  tags: ['TA0001:T1078.004', 'TA0006:T1110'],
  policy: (user) => !hasConsolePassword(user.CredentialReport) || user.CredentialReport?.MfaActive === true,
  title: (user) => `IAM user ${user.Name ?? user.ResourceId} in account ${user.AccountId} has console access without MFA`,
  alertContext: (user) => ({ userName: user.Name, passwordLastUsed: user.PasswordLastUsed }),
  tests: [
    { name: 'a console user with MFA complies', expect: true, resource: iamUser() },
    {
      name: 'a programmatic user without MFA complies',
      expect: true,
      resource: iamUser({ CredentialReport: credentialReport({ PasswordEnabled: false, PasswordLastUsed: null, MfaActive: false }), VirtualMFA: null }),
    },
    {
      name: 'a console user without MFA fails',
      expect: false,
      resource: iamUser({ CredentialReport: credentialReport({ MfaActive: false }), VirtualMFA: null }),
    },
  ],
});
