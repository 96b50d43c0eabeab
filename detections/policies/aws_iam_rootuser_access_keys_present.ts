import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamRootUser } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.RootUser.AccessKeysPresent',
  resourceTypes: ['AWS.IAM.RootUser'],
  severity: 'CRITICAL',
  description:
    'The root user has access keys. A leaked root key gives unrestricted, MFA-free API access to the whole account, and no IAM policy or permission boundary can limit it.',
  runbook:
    'Find what uses the key (IAM → Security credentials as root shows last use; CloudTrail shows the calls), move that work to an IAM role, then deactivate and delete the root keys. If the key may have leaked, review CloudTrail for root API activity.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  tags: ['TA0001:T1078.004', 'TA0003:T1098.001'],
  policy: (root) => root.CredentialReport?.AccessKey1Active !== true && root.CredentialReport?.AccessKey2Active !== true,
  title: (root) => `Root user of account ${root.AccountId} has access keys`,
  tests: [
    { name: 'a root user without access keys complies', expect: true, resource: iamRootUser() },
    {
      name: 'a root user with access keys fails',
      expect: false,
      resource: iamRootUser({
        CredentialReport: credentialReport({
          ARN: 'arn:aws:iam::123456789012:root',
          AccessKey1Active: true,
          AccessKey1LastRotated: '2024-01-01T00:00:00.000Z',
        }),
      }),
    },
  ],
});
