import { definePolicy } from '../../src/detect/policy';
import { iamUser, policyDocument } from '../../src/scan/test-resources';
import { documentsGrantAdmin, inlineDocuments } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.User.InlinePolicyGrantsAdmin',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'HIGH',
  description:
    'An inline policy of the user allows every action on every resource ("Action": "*", "Resource": "*"), whatever the policy is called. Inline admin grants are easy to miss in reviews of managed policies.',
  runbook:
    "Replace it with a policy granting what the user needs. If full administrator access is intended, attach AWS's AdministratorAccess managed policy so it shows up where reviewers look, and guard it with MFA.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  tags: ['TA0004:T1098.003'],
  policy: (user) => !documentsGrantAdmin(inlineDocuments(user.InlinePolicies)),
  title: (user) => `IAM user ${user.Name ?? user.ResourceId} has an inline policy granting *:*`,
  tests: [
    { name: 'a user with narrow inline policies complies', expect: true, resource: iamUser() },
    {
      name: 'a user with an inline *:* policy fails',
      expect: false,
      resource: iamUser({ InlinePolicies: { everything: policyDocument([{ Effect: 'Allow', Action: '*', Resource: '*' }]) } }),
    },
  ],
});
