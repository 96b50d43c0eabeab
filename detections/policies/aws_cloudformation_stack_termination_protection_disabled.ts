import { definePolicy } from '../../src/detect/policy';
import { cloudFormationStack } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudFormation.Stack.TerminationProtectionDisabled',
  resourceTypes: ['AWS.CloudFormation.Stack'],
  severity: 'LOW',
  description:
    'Termination protection is off for the stack, so one DeleteStack call removes every resource it manages, databases and buckets included (unless they have their own retention).',
  runbook:
    'Turn it on (CloudFormation → the stack → Stack actions → Edit termination protection), or `aws cloudformation update-termination-protection --enable-termination-protection`.',
  reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-protect-stacks.html',
  tags: ['TA0040:T1485'],
  policy: (stack) => stack.EnableTerminationProtection === true || (stack.StackStatus ?? '').startsWith('DELETE'),
  title: (stack) => `CloudFormation stack ${stack.Name ?? stack.ResourceId} has termination protection off`,
  tests: [
    { name: 'a protected stack complies', expect: true, resource: cloudFormationStack() },
    { name: 'an unprotected stack fails', expect: false, resource: cloudFormationStack({ EnableTerminationProtection: false }) },
  ],
});
