import { definePolicy } from '../../src/detect/policy';
import { iamUser } from '../../src/scan/test-resources';
import { inlineDocuments } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.User.PolicyAttachedDirectly',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'LOW',
  description:
    'Policies are attached to the IAM user directly rather than through a group or role. Permissions granted user by user drift apart and are hard to review or revoke (CIS 1.15).',
  runbook: "Move the permissions to a group (or better, a role the user assumes), add the user to it, and detach the user's own policies.",
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2',
  tags: ['TA0003:T1098'],
  policy: (user) => (user.ManagedPolicyNames ?? []).length === 0 && inlineDocuments(user.InlinePolicies).length === 0,
  title: (user) => `IAM user ${user.Name ?? user.ResourceId} has policies attached directly`,
  tests: [
    { name: 'a user with permissions through groups only complies', expect: true, resource: iamUser({ ManagedPolicyNames: [], InlinePolicies: null }) },
    { name: 'a user with a managed policy attached fails', expect: false, resource: iamUser({ ManagedPolicyNames: ['ReadOnlyAccess'] }) },
  ],
});
