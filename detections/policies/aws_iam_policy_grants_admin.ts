import { definePolicy } from '../../src/detect/policy';
import { iamPolicy, policyDocument } from '../../src/scan/test-resources';
import { documentsGrantAdmin } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Policy.GrantsAdmin',
  resourceTypes: ['AWS.IAM.Policy'],
  severity: 'HIGH',
  description:
    'A customer-managed policy allows every action on every resource. Attaching it (or letting someone attach it) makes its holder an administrator under a name that does not say so.',
  runbook: "Replace the statement with the actions the holders need. Where full access is intended, use AWS's AdministratorAccess so reviews find it.",
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
  tags: ['TA0004:T1098.003'],
  policy: (policy) => !documentsGrantAdmin([policy.PolicyDocument]),
  title: (policy) =>
    `IAM policy ${policy.Name ?? policy.ResourceId} grants *:*${(policy.AttachmentCount ?? 0) > 0 ? ` and is attached ${policy.AttachmentCount} time(s)` : ''}`,
  tests: [
    { name: 'a narrow policy complies', expect: true, resource: iamPolicy() },
    { name: 'a *:* policy fails', expect: false, resource: iamPolicy({ PolicyDocument: policyDocument([{ Effect: 'Allow', Action: '*', Resource: '*' }]) }) },
    {
      name: '"Action": "*:*" written as a list fails',
      expect: false,
      resource: iamPolicy({ PolicyDocument: policyDocument([{ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }]) }),
    },
  ],
});
