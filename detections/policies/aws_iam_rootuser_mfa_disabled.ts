import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamRootUser } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.RootUser.MFADisabled',
  resourceTypes: ['AWS.IAM.RootUser'],
  severity: 'CRITICAL',
  description:
    'The root user has no MFA device. Root can do anything in the account, including closing it, and cannot be restricted by IAM policies; its password alone stands between an attacker and the account.',
  runbook:
    'Sign in as root and register an MFA device (a hardware key, ideally two, kept by different people). If the account is in AWS Organizations, consider centralized root access management to remove the root password entirely.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  tags: ['TA0001:T1078.004'],
  policy: (root) => root.CredentialReport?.MfaActive === true,
  title: (root) => `Root user of account ${root.AccountId} has no MFA`,
  tests: [
    { name: 'a root user with MFA complies', expect: true, resource: iamRootUser() },
    {
      name: 'a root user without MFA fails',
      expect: false,
      resource: iamRootUser({ CredentialReport: credentialReport({ ARN: 'arn:aws:iam::123456789012:root', MfaActive: false }) }),
    },
  ],
});
