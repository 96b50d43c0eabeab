import { definePolicy } from '../../src/detect/policy';
import { lambdaFunction } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.Lambda.Function.URLWithoutAuth',
  resourceTypes: ['AWS.Lambda.Function'],
  severity: 'HIGH',
  description: 'The function has a function URL with AuthType NONE: anyone who finds the URL can invoke it over HTTPS, with no AWS credentials at all.',
  runbook:
    'If the endpoint is meant to be public, make sure the function authenticates requests itself and keep it in ignoreResources. Otherwise set AuthType to AWS_IAM or delete the URL (`aws lambda delete-function-url-config`).',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  tags: ['TA0001:T1190'],
  policy: (fn) => fn.FunctionUrlConfig?.AuthType !== 'NONE',
  title: (fn) => `Lambda function ${fn.Name ?? fn.ResourceId} has an unauthenticated function URL ${fn.FunctionUrlConfig?.FunctionUrl ?? ''}`,
  tests: [
    { name: 'a function without a URL complies', expect: true, resource: lambdaFunction() },
    {
      name: 'a URL requiring IAM complies',
      expect: true,
      resource: lambdaFunction({ FunctionUrlConfig: { AuthType: 'AWS_IAM', FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/' } }),
    },
    {
      name: 'a URL with AuthType NONE fails',
      expect: false,
      resource: lambdaFunction({ FunctionUrlConfig: { AuthType: 'NONE', FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/' } }),
    },
  ],
});
