import { definePolicy } from '../../src/detect/policy';
import { lambdaFunction } from '../../src/scan/test-resources';
import type { LambdaFunction } from '../../src/scan/resources/lambda-function';

const SECRET_NAME = /(secret|password|passwd|token|api_?key|private_?key)/i;
const ACCESS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
/** Values that point at a secret rather than hold one. */
const REFERENCE = /^(arn:aws[a-z-]*:(secretsmanager|ssm|kms):|\{\{resolve:)/;

function secretLookingVariables(fn: LambdaFunction): string[] {
  return Object.entries(fn.Environment?.Variables ?? {})
    .filter(([name, value]) => ACCESS_KEY.test(value) || (SECRET_NAME.test(name) && value.length >= 8 && !REFERENCE.test(value)))
    .map(([name]) => name);
}

export default definePolicy({
  id: 'AWS.Lambda.Function.SecretInEnvironment',
  resourceTypes: ['AWS.Lambda.Function'],
  severity: 'MEDIUM',
  description:
    'An environment variable of the function looks like a secret (its name says key, secret, password or token, or its value is an AWS access key). Environment variables are shown in the console and returned by GetFunctionConfiguration to anyone allowed to read the function.',
  runbook: 'Move the secret to Secrets Manager or SSM Parameter Store (SecureString) and read it at start-up, then rotate it, since it has been readable.',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
  tags: ['TA0006:T1552.001'],
  policy: (fn) => secretLookingVariables(fn).length === 0,
  title: (fn) => `Lambda function ${fn.Name ?? fn.ResourceId} has secret-looking environment variable(s) ${secretLookingVariables(fn).join(', ')}`,
  tests: [
    { name: 'a function with plain settings complies', expect: true, resource: lambdaFunction() },
    {
      name: 'a database password in the environment fails',
      expect: false,
      resource: lambdaFunction({ Environment: { Variables: { DB_PASSWORD: 'hunter2hunter2' } } }),
    },
    {
      name: 'an access key id in any variable fails',
      expect: false,
      resource: lambdaFunction({ Environment: { Variables: { UPLOAD_CREDENTIALS: 'AKIAIOSFODNN7EXAMPLE' } } }),
    },
    {
      name: 'a reference to a secret by name complies',
      expect: true,
      resource: lambdaFunction({ Environment: { Variables: { DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' } } }),
    },
  ],
});
