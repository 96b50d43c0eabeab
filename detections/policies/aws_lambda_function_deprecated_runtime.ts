import { definePolicy } from '../../src/detect/policy';
import { lambdaFunction } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.Lambda.Function.DeprecatedRuntime',
  resourceTypes: ['AWS.Lambda.Function'],
  severity: 'MEDIUM',
  description: 'The function runs on a runtime past its end of support: it no longer gets security patches, and AWS will soon block updates to it.',
  runbook:
    'Move the function to a supported runtime (Lambda → the function → Runtime settings), test, and deploy. The list of runtimes treated as deprecated is scanPolicies.deprecatedLambdaRuntimes.',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated',
  tags: ['TA0002:T1203'],
  policy: (fn, { standards }) => fn.Runtime === null || !standards.deprecatedLambdaRuntimes.includes(fn.Runtime),
  title: (fn) => `Lambda function ${fn.Name ?? fn.ResourceId} runs on deprecated runtime ${fn.Runtime ?? ''}`,
  tests: [
    { name: 'a function on nodejs22.x complies', expect: true, resource: lambdaFunction() },
    { name: 'a function on python3.8 fails', expect: false, resource: lambdaFunction({ Runtime: 'python3.8' }) },
    { name: 'a container-image function without a runtime complies', expect: true, resource: lambdaFunction({ Runtime: null }) },
  ],
});
