import { definePolicy } from '../../src/detect/policy';
import { cloudFormationStack } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudFormation.Stack.Drifted',
  resourceTypes: ['AWS.CloudFormation.Stack'],
  severity: 'MEDIUM',
  description:
    'The stack has drifted: resources it manages were changed outside CloudFormation. Hand edits in production are how security groups get opened "temporarily" and policies widened without review.',
  runbook:
    'Run drift detection to see which resources changed (CloudFormation → the stack → Stack actions → Detect drift), find who changed them in CloudTrail, then bring the template or the resources back in line.',
  reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html',
  tags: ['TA0005:T1578'],
  policy: (stack) => stack.DriftInformation?.StackDriftStatus !== 'DRIFTED',
  title: (stack) => `CloudFormation stack ${stack.Name ?? stack.ResourceId} has drifted from its template`,
  tests: [
    { name: 'a stack in sync complies', expect: true, resource: cloudFormationStack() },
    {
      name: 'a drifted stack fails',
      expect: false,
      resource: cloudFormationStack({ DriftInformation: { StackDriftStatus: 'DRIFTED', LastCheckTimestamp: '2026-11-20T00:00:00.000Z' } }),
    },
  ],
});
