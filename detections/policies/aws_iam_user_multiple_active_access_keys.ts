import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamUser } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.User.MultipleActiveAccessKeys',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'LOW',
  description: 'The IAM user has two active access keys. A second key is usually a rotation that was never finished, leaving an old key that still works.',
  runbook: 'Find which key is in use (IAM → the user → Security credentials → last used), deactivate the other, and delete it once nothing breaks.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_RotateAccessKey',
  tags: ['TA0006:T1552'],
  policy: (user) => !(user.CredentialReport?.AccessKey1Active === true && user.CredentialReport.AccessKey2Active === true),
  title: (user) => `IAM user ${user.Name ?? user.ResourceId} has two active access keys`,
  tests: [
    {
      name: 'a user with one key complies',
      expect: true,
      resource: iamUser({ CredentialReport: credentialReport({ AccessKey1Active: true, AccessKey1LastRotated: '2026-10-01T00:00:00.000Z' }) }),
    },
    {
      name: 'a user with two active keys fails',
      expect: false,
      resource: iamUser({
        CredentialReport: credentialReport({
          AccessKey1Active: true,
          AccessKey1LastRotated: '2026-10-01T00:00:00.000Z',
          AccessKey2Active: true,
          AccessKey2LastRotated: '2026-11-01T00:00:00.000Z',
        }),
      }),
    },
  ],
});
