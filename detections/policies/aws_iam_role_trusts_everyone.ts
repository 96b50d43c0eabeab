import { definePolicy } from '../../src/detect/policy';
import { iamRole, trustPolicy } from '../../src/scan/test-resources';
import { allowsEveryoneUnconditionally, policyStatements } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Role.TrustsEveryone',
  resourceTypes: ['AWS.IAM.Role'],
  severity: 'CRITICAL',
  description:
    'The role\'s trust policy lets any AWS principal in any account assume it ("Principal": "*" or {"AWS": "*"}) with no condition. Anyone on the internet with an AWS account gets the role\'s permissions.',
  runbook:
    'Replace the wildcard with the accounts, roles or services that need the role, or add conditions (aws:PrincipalOrgID, sts:ExternalId). Review CloudTrail AssumeRole events for this role from unknown accounts.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  tags: ['TA0001:T1078.004', 'TA0004:T1078.004'],
  policy: (role) => !policyStatements(role.AssumeRolePolicyDocument).some(allowsEveryoneUnconditionally),
  title: (role) => `IAM role ${role.Name ?? role.ResourceId} can be assumed by anyone`,
  tests: [
    { name: 'a role trusted by a service complies', expect: true, resource: iamRole() },
    { name: 'a role trusting "*" fails', expect: false, resource: iamRole({ AssumeRolePolicyDocument: trustPolicy({ AWS: '*' }) }) },
    {
      name: 'a role trusting "*" within the organization complies',
      expect: true,
      resource: iamRole({ AssumeRolePolicyDocument: trustPolicy('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) }),
    },
  ],
});
