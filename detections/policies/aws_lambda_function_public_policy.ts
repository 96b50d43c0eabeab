import { definePolicy } from '../../src/detect/policy';
import { lambdaFunction, policyDocument } from '../../src/scan/test-resources';
import { allowsEveryoneUnconditionally, policyStatements } from '../lib/documents';

export default definePolicy({
  id: 'AWS.Lambda.Function.PublicPolicy',
  resourceTypes: ['AWS.Lambda.Function'],
  severity: 'HIGH',
  description:
    'The function\'s resource policy lets any principal ("*") invoke or change it with no condition (no source ARN, source account or organization). Anyone on the internet with AWS credentials can call it.',
  runbook:
    'Remove the statement (`aws lambda remove-permission`) and grant the caller that needs it, with a SourceArn or SourceAccount condition for service principals.',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  tags: ['TA0001:T1190'],
  policy: (fn) => !policyStatements(fn.Policy?.Policy ?? null).some(allowsEveryoneUnconditionally),
  title: (fn) => `Lambda function ${fn.Name ?? fn.ResourceId} may be invoked by anyone`,
  tests: [
    { name: 'a function invoked by API Gateway with a source ARN complies', expect: true, resource: lambdaFunction() },
    {
      name: 'a function open to "*" fails',
      expect: false,
      resource: lambdaFunction({
        Policy: {
          Policy: policyDocument([
            { Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:api' },
          ]),
          RevisionId: 'r2',
        },
      }),
    },
  ],
});
