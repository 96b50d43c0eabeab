import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, baseEventName, callContext, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function functionOf(event: CloudTrailEvent): string {
  return requestText(event, 'functionName') ?? 'unknown function';
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaCodeChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A Lambda function's code was replaced by someone other than the deployment pipeline (detections.deploymentPrincipals, or CloudFormation; only CloudFormation while that is empty). Changed function code runs with the function's role on every invocation: a backdoor that survives credential rotation.",
  runbook:
    "Ask the actor why they deployed by hand. Compare the new code hash (responseElements.codeSha256) with the last pipeline build; download the code (`aws lambda get-function`) and review it if they differ. Redeploy from the pipeline if in doubt, and check the function role's recent activity.",
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html',
  tags: ['TA0003:T1525', 'TA0002:T1648'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'lambda.amazonaws.com' && baseEventName(event) === 'UpdateFunctionCode' && succeeded(event) && !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} replaced the code of Lambda function ${functionOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${functionOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a hand-made code update matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionCode20150331v2',
        requestParameters: { functionName: 'orders-api', publish: false, dryRun: false },
        responseElements: {
          functionName: 'orders-api',
          functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
          codeSha256: 'n7b2u0mkNGZb1yBa4nJXmp+W4e4LkdDXmNtN8ZBBnK0=',
        },
      }),
    },
    {
      name: 'a pipeline deploy does not match',
      expect: false,
      settings: { deploymentPrincipals: ['arn:aws:iam::*:role/GitHubActionsDeploy', 'arn:aws:iam::*:role/cdk-*'] },
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionCode20150331v2',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-1234'),
        requestParameters: { functionName: 'orders-api' },
      }),
    },
    {
      name: 'a configuration change does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionConfiguration20150331v2',
        requestParameters: { functionName: 'orders-api', timeout: 30 },
      }),
    },
  ],
});
