import { definePolicy } from '../../src/detect/policy';
import { iamUser, policyDocument } from '../../src/scan/test-resources';
import { documentsPassAnyRole, inlineDocuments } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.User.PassRoleOnAnyResource',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'MEDIUM',
  description:
    'An inline policy of the user allows iam:PassRole on every role. Combined with the right to launch compute (EC2, Lambda, Glue…), that lets the holder run code as any role in the account, administrators included.',
  runbook: 'Limit iam:PassRole to the ARNs of the roles that are meant to be passed, and to the services that use them (condition iam:PassedToService).',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  tags: ['TA0004:T1098.003'],
  policy: (user) => !documentsPassAnyRole(inlineDocuments(user.InlinePolicies)),
  title: (user) => `IAM user ${user.Name ?? user.ResourceId} may pass any role (iam:PassRole on *)`,
  tests: [
    { name: 'a user without PassRole complies', expect: true, resource: iamUser() },
    {
      name: 'a user allowed to pass every role fails',
      expect: false,
      resource: iamUser({ InlinePolicies: { launch: policyDocument([{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }]) } }),
    },
    {
      name: 'a user allowed to pass one role complies',
      expect: true,
      resource: iamUser({
        InlinePolicies: { launch: policyDocument([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app' }]) },
      }),
    },
  ],
});
