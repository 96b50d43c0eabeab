import { definePolicy } from '../../src/detect/policy';
import { iamRole } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.IAM.Role.AdministratorAccessAttached',
  resourceTypes: ['AWS.IAM.Role'],
  severity: 'INFO',
  description:
    'The AdministratorAccess managed policy is attached to the role. That is sometimes intended (break-glass, deployment), but every admin role widens who can become admin: whoever may assume it.',
  runbook:
    'Confirm the role needs full access and that its trust policy names only the principals that should have it (with MFA for people). Otherwise attach a narrower policy.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
  tags: ['TA0004:T1078.004'],
  policy: (role) => !(role.ManagedPolicyNames ?? []).includes('AdministratorAccess'),
  title: (role) => `IAM role ${role.Name ?? role.ResourceId} has AdministratorAccess attached`,
  tests: [
    { name: 'a read-only role complies', expect: true, resource: iamRole() },
    { name: 'an admin role fails', expect: false, resource: iamRole({ ManagedPolicyNames: ['AdministratorAccess'] }) },
  ],
});
