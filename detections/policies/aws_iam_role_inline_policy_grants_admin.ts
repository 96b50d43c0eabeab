import { definePolicy } from '../../src/detect/policy';
import { iamRole, policyDocument } from '../../src/scan/test-resources';
import { documentsGrantAdmin, inlineDocuments } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Role.InlinePolicyGrantsAdmin',
  resourceTypes: ['AWS.IAM.Role'],
  severity: 'HIGH',
  description:
    'An inline policy of the role allows every action on every resource ("Action": "*", "Resource": "*"), whatever the policy is called. Inline admin grants are easy to miss in reviews of managed policies.',
  runbook:
    "Replace it with a policy granting what the role needs. If full administrator access is intended, attach AWS's AdministratorAccess managed policy so it shows up where reviewers look, and guard it with MFA.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  tags: ['TA0004:T1098.003'],
  policy: (role) => !documentsGrantAdmin(inlineDocuments(role.InlinePolicies)),
  title: (role) => `IAM role ${role.Name ?? role.ResourceId} has an inline policy granting *:*`,
  tests: [
    { name: 'a role with narrow inline policies complies', expect: true, resource: iamRole() },
    {
      name: 'a role with an inline *:* policy fails',
      expect: false,
      resource: iamRole({ InlinePolicies: { everything: policyDocument([{ Effect: 'Allow', Action: '*', Resource: '*' }]) } }),
    },
  ],
});
