import { definePolicy } from '../../src/detect/policy';
import { iamUser } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.User.AdministratorAccessAttached',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'MEDIUM',
  description:
    'The AdministratorAccess managed policy is attached directly to an IAM user. Long-lived user credentials with full access are the most valuable thing an attacker can phish or find in a repository.',
  runbook:
    'Give administrators roles they assume (IAM Identity Center or a role with MFA required) instead of user-attached admin policies, then detach it from the user.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
  tags: ['TA0004:T1078.004'],
  policy: (user) => !(user.ManagedPolicyNames ?? []).includes('AdministratorAccess'),
  title: (user) => `IAM user ${user.Name ?? user.ResourceId} has AdministratorAccess attached`,
  tests: [
    { name: 'a user with read-only access complies', expect: true, resource: iamUser({ ManagedPolicyNames: ['ReadOnlyAccess'] }) },
    { name: 'a user with AdministratorAccess fails', expect: false, resource: iamUser({ ManagedPolicyNames: ['AdministratorAccess'] }) },
  ],
});
