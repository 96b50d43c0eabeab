import { definePolicy } from '../../src/detect/policy';
import { iamGroup, policyDocument } from '../../src/scan/test-resources';
import { documentsGrantAdmin, inlineDocuments } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Group.InlinePolicyGrantsAdmin',
  resourceTypes: ['AWS.IAM.Group'],
  severity: 'HIGH',
  description:
    'An inline policy of the group allows every action on every resource ("Action": "*", "Resource": "*"), whatever the policy is called. Inline admin grants are easy to miss in reviews of managed policies.',
  runbook:
    "Replace it with a policy granting what the group needs. If full administrator access is intended, attach AWS's AdministratorAccess managed policy so it shows up where reviewers look, and guard it with MFA.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  tags: ['TA0004:T1098.003'],
  policy: (group) => !documentsGrantAdmin(inlineDocuments(group.InlinePolicies)),
  title: (group) => `IAM group ${group.Name ?? group.ResourceId} has an inline policy granting *:*`,
  tests: [
    { name: 'a group with narrow inline policies complies', expect: true, resource: iamGroup() },
    {
      name: 'a group with an inline *:* policy fails',
      expect: false,
      resource: iamGroup({ InlinePolicies: { everything: policyDocument([{ Effect: 'Allow', Action: '*', Resource: '*' }]) } }),
    },
  ],
});
