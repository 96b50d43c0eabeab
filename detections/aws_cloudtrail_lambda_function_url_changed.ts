import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, baseEventName, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const URL_CALLS = new Set(['CreateFunctionUrlConfig', 'UpdateFunctionUrlConfig']);

/** authType NONE means anyone on the internet can invoke the function, no signature needed. */
function isUnauthenticated(event: CloudTrailEvent): boolean {
  return requestText(event, 'authType') === 'NONE';
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaFunctionUrlChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A Lambda function URL was created or changed. A URL with auth type NONE gives the whole internet a direct way to run the function with its role (high severity); attackers use it as an easy persistent backdoor.',
  runbook:
    "Check whether the function is meant to be public (webhooks sometimes are, and then validate a signature in code). If not, delete the URL config or switch it to AWS_IAM, and review the function's invocations and code since the change.",
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  tags: ['TA0001:T1190', 'TA0002:T1648'],
  rule: (event) => event.eventSource === 'lambda.amazonaws.com' && URL_CALLS.has(baseEventName(event)) && succeeded(event),
  title: (event) =>
    `${actorOf(event)} ${baseEventName(event) === 'CreateFunctionUrlConfig' ? 'created' : 'changed'} ${isUnauthenticated(event) ? 'a public (auth NONE) ' : 'a '}function URL for ${requestText(event, 'functionName') ?? 'unknown function'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${requestText(event, 'functionName') ?? 'unknown function'}`,
  dynamicSeverity: (event) => (isUnauthenticated(event) ? 'HIGH' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'a public function URL matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'CreateFunctionUrlConfig20211031',
        requestParameters: { functionName: 'orders-api', authType: 'NONE' },
      }),
    },
    {
      name: 'an IAM-authenticated URL change matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionUrlConfig20211031',
        requestParameters: { functionName: 'orders-api', authType: 'AWS_IAM' },
      }),
    },
    {
      name: 'deleting a function URL does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'DeleteFunctionUrlConfig20211031',
        requestParameters: { functionName: 'orders-api' },
      }),
    },
  ],
});
