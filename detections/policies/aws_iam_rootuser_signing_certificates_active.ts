import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamRootUser } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.RootUser.SigningCertificatesActive',
  resourceTypes: ['AWS.IAM.RootUser'],
  severity: 'HIGH',
  description: 'The root user has an active X.509 signing certificate: a long-lived root credential, outside MFA, that almost nobody remembers exists.',
  runbook: 'Sign in as root and delete the certificate (IAM → Security credentials → X.509 certificates). Nothing current needs root signing certificates.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
  tags: ['TA0003:T1098.001'],
  policy: (root) => root.CredentialReport?.Cert1Active !== true && root.CredentialReport?.Cert2Active !== true,
  title: (root) => `Root user of account ${root.AccountId} has an active signing certificate`,
  tests: [
    { name: 'root without certificates complies', expect: true, resource: iamRootUser() },
    {
      name: 'root with a certificate fails',
      expect: false,
      resource: iamRootUser({
        CredentialReport: credentialReport({ ARN: 'arn:aws:iam::123456789012:root', Cert1Active: true, Cert1LastRotated: '2020-01-01T00:00:00.000Z' }),
      }),
    },
  ],
});
