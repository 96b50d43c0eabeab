import { definePolicy } from '../../src/detect/policy';
import { iamPolicy, policyDocument } from '../../src/scan/test-resources';
import { policyStatements } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Policy.AllowWithNotAction',
  resourceTypes: ['AWS.IAM.Policy'],
  severity: 'MEDIUM',
  description:
    'A customer-managed policy allows everything except a list of actions ("Effect": "Allow" with "NotAction"). Every action AWS adds later is granted automatically, including new ways to escalate.',
  runbook:
    'Rewrite the statement as an Allow of the actions needed. If the intent is "everything but IAM", say so with an explicit Deny on top of a reviewed Allow.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  tags: ['TA0004:T1098.003'],
  policy: (policy) => !policyStatements(policy.PolicyDocument).some((statement) => statement.effect === 'Allow' && statement.notActions.length > 0),
  title: (policy) => `IAM policy ${policy.Name ?? policy.ResourceId} allows with NotAction`,
  tests: [
    { name: 'a policy listing its actions complies', expect: true, resource: iamPolicy() },
    {
      name: 'an Allow with NotAction fails',
      expect: false,
      resource: iamPolicy({ PolicyDocument: policyDocument([{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }]) }),
    },
    {
      name: 'a Deny with NotAction complies',
      expect: true,
      resource: iamPolicy({ PolicyDocument: policyDocument([{ Effect: 'Deny', NotAction: ['s3:GetObject'], Resource: '*' }]) }),
    },
  ],
});
