import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, succeeded, whereOf } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.BedrockInvocationLoggingDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "Bedrock model invocation logging was deleted for a region: prompts and responses stop being recorded, which is what someone abusing the account's models (LLMjacking) wants before running up usage.",
  runbook:
    'Restore invocation logging (`aws bedrock put-model-invocation-logging-configuration`) and ask the actor why it was removed. Check Bedrock usage and InvokeModel callers in CloudTrail for the period without logs.',
  reference: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'bedrock.amazonaws.com' && event.eventName === 'DeleteModelInvocationLoggingConfiguration' && succeeded(event),
  title: (event) => `${actorOf(event)} deleted Bedrock model invocation logging in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:bedrock-logging`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting invocation logging matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'bedrock.amazonaws.com', eventName: 'DeleteModelInvocationLoggingConfiguration', requestParameters: null }),
    },
    {
      name: 'reading the configuration does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'bedrock.amazonaws.com', eventName: 'GetModelInvocationLoggingConfiguration', readOnly: true }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'DeleteModelInvocationLoggingConfiguration',
        errorCode: 'AccessDeniedException',
      }),
    },
  ],
});
