import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, baseEventName, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/**
 * A service principal (s3.amazonaws.com, sns.amazonaws.com…) allowed to invoke the function with
 * no SourceArn / SourceAccount: that service may then invoke it for any customer's resource (the
 * confused deputy). `*` and named accounts are AWS.CloudTrail.LambdaPermissionGrantedOutsideOrg's.
 */
function unscopedService(event: CloudTrailEvent): string | undefined {
  const principal = requestText(event, 'principal') ?? '';
  if (!principal.endsWith('.amazonaws.com')) return undefined;
  const scoped = requestText(event, 'sourceArn') ?? requestText(event, 'sourceAccount') ?? requestText(event, 'principalOrgID');
  return scoped === undefined ? principal : undefined;
}

function functionOf(event: CloudTrailEvent): string {
  return requestText(event, 'functionName') ?? 'unknown function';
}

function permission(fields: Record<string, unknown>): Record<string, unknown> {
  return { functionName: 'thumbnailer', statementId: 's3-trigger', action: 'lambda:InvokeFunction', ...fields };
}

export default defineRule({
  id: 'AWS.CloudTrail.LambdaServicePermissionUnscoped',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A Lambda function now lets an AWS service (S3, SNS, EventBridge…) invoke it without a SourceArn or SourceAccount condition. The service will then invoke it on behalf of any customer: a bucket or topic in someone else's account can trigger your function (the confused-deputy problem).",
  runbook:
    "Replace the permission with one scoped to the intended resource (`--source-arn` and `--source-account`). Check the function's invocations for sources you do not own since the change.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  tags: ['TA0003:T1098', 'TA0002:T1648'],
  rule: (event) =>
    event.eventSource === 'lambda.amazonaws.com' && baseEventName(event) === 'AddPermission' && succeeded(event) && unscopedService(event) !== undefined,
  title: (event) =>
    `${actorOf(event)} let any account's ${unscopedService(event) ?? 'service'} invoke Lambda function ${functionOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${functionOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'an S3 trigger with no source scoping matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddPermission20150331v2',
        requestParameters: permission({ principal: 's3.amazonaws.com' }),
      }),
    },
    {
      name: 'an S3 trigger scoped to its bucket and account does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddPermission20150331v2',
        requestParameters: permission({ principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::acme-uploads', sourceAccount: '123456789012' }),
      }),
    },
    {
      name: "a grant to everyone is the outside-org rule's",
      expect: false,
      event: cloudTrailWrite({ eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2', requestParameters: permission({ principal: '*' }) }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'lambda.amazonaws.com',
        eventName: 'AddPermission20150331v2',
        errorCode: 'AccessDeniedException',
        requestParameters: permission({ principal: 's3.amazonaws.com' }),
      }),
    },
  ],
});
