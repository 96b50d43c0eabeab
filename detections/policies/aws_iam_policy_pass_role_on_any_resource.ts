import { definePolicy } from '../../src/detect/policy';
import { iamPolicy, policyDocument } from '../../src/scan/test-resources';
import { documentsPassAnyRole } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Policy.PassRoleOnAnyResource',
  resourceTypes: ['AWS.IAM.Policy'],
  severity: 'MEDIUM',
  description:
    'A customer-managed policy allows iam:PassRole on every role. With the right to launch compute, its holders can run code as any role in the account, administrators included.',
  runbook: 'Limit iam:PassRole to the ARNs of the roles meant to be passed and to the services that use them (condition iam:PassedToService).',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  tags: ['TA0004:T1098.003'],
  policy: (policy) => !documentsPassAnyRole([policy.PolicyDocument]),
  title: (policy) => `IAM policy ${policy.Name ?? policy.ResourceId} allows iam:PassRole on every role`,
  tests: [
    { name: 'a policy without PassRole complies', expect: true, resource: iamPolicy() },
    {
      name: 'iam:PassRole on * fails',
      expect: false,
      resource: iamPolicy({ PolicyDocument: policyDocument([{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }]) }),
    },
    {
      name: 'iam:* on * fails too',
      expect: false,
      resource: iamPolicy({ PolicyDocument: policyDocument([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]) }),
    },
  ],
});
