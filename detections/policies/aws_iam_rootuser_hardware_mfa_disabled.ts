import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamRootUser } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.RootUser.HardwareMFADisabled',
  resourceTypes: ['AWS.IAM.RootUser'],
  severity: 'HIGH',
  description:
    "The root user's MFA is a virtual (app-based) device (no MFA at all is AWS.IAM.RootUser.MFADisabled). Root can do anything, including closing the account; CIS asks for a hardware key, which cannot be copied off a phone.",
  runbook:
    'Sign in as root, register a hardware security key or FIDO token (IAM → Security credentials → Assign MFA device), then remove the virtual device. Store the key in a safe with a second one as backup.',
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6',
  tags: ['TA0001:T1078.004'],
  policy: (root) => root.CredentialReport?.MfaActive !== true || root.VirtualMFA === null,
  title: (root) => `Root user of account ${root.AccountId} uses a virtual MFA device, not a hardware key`,
  tests: [
    { name: 'root with a hardware key complies', expect: true, resource: iamRootUser() },
    {
      name: 'root with a virtual device fails',
      expect: false,
      resource: iamRootUser({ VirtualMFA: { SerialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', EnableDate: '2024-01-01T00:00:00.000Z' } }),
    },
    {
      name: 'root without any MFA is left to the MFA policy',
      expect: true,
      resource: iamRootUser({ CredentialReport: credentialReport({ ARN: 'arn:aws:iam::123456789012:root', MfaActive: false }) }),
    },
  ],
});
