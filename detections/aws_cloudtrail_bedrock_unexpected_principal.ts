import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { globMatcher } from './lib/matchers';
import { accountOf, actorOf, callContext, principalArnOf, requestText, whereOf } from './lib/cloudtrail_fields';

const INVOCATIONS = new Set(['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream']);

function modelOf(event: CloudTrailEvent): string {
  return requestText(event, 'modelId') ?? 'an unknown model';
}

export default defineRule({
  id: 'AWS.CloudTrail.BedrockUnexpectedPrincipal',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A Bedrock model was invoked (or an invocation attempted) by a principal not listed in detections.bedrockPrincipals (with the list empty, every invocation is unexpected). Stolen keys are resold for model access ("LLMjacking"); the bill and the content generated are yours. IAM users with long-term keys are high severity.',
  runbook:
    "Ask the principal's owner whether they use Bedrock and, if so, add the role to detections.bedrockPrincipals in prowl.config.yml. Otherwise: deactivate the key or revoke the role's sessions, check Bedrock model-invocation logging and the bill for volume, and look for PutUseCaseForModelAccess / model access requests made by the same principal.",
  reference: 'https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html',
  tags: ['TA0040:T1496', 'TA0001:T1078.004'],
  requiresSettings: ['bedrockPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'bedrock.amazonaws.com' && INVOCATIONS.has(event.eventName ?? '') && !globMatcher(settings.bedrockPrincipals)(principalArnOf(event)),
  title: (event) => `${actorOf(event)} ${event.errorCode ? 'tried to invoke' : 'invoked'} Bedrock model ${modelOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  dynamicSeverity: (event) => (event.userIdentity?.type === 'IAMUser' ? 'HIGH' : 'MEDIUM'),
  alertContext: callContext,
  tests: [
    {
      name: 'an IAM user key invoking Claude matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'InvokeModel',
        userIdentity: iamUserIdentity('legacy-ci'),
        sourceIPAddress: '192.0.2.99',
        userAgent: 'Boto3/1.34.0',
        requestParameters: { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' },
      }),
    },
    {
      name: 'a denied Converse attempt by an unlisted role matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'Converse',
        errorCode: 'AccessDeniedException',
        requestParameters: { modelId: 'amazon.titan-text-express-v1' },
      }),
    },
    {
      name: 'the chat assistant role invoking a model does not match',
      expect: false,
      settings: { bedrockPrincipals: ['arn:aws:iam::123456789012:role/ChatAssistant', 'arn:aws:iam::123456789012:role/ml-*'] },
      event: cloudTrailEvent({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'InvokeModel',
        userIdentity: assumedRoleIdentity('ChatAssistant', 'i-0123456789abcdef0'),
        requestParameters: { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' },
      }),
    },
    {
      name: 'a role matching an allowed glob does not match',
      expect: false,
      settings: { bedrockPrincipals: ['arn:aws:iam::123456789012:role/ChatAssistant', 'arn:aws:iam::123456789012:role/ml-*'] },
      event: cloudTrailEvent({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'ConverseStream',
        userIdentity: assumedRoleIdentity('ml-experiments', 'notebook'),
        requestParameters: { modelId: 'meta.llama3-70b-instruct-v1:0' },
      }),
    },
    {
      name: 'listing models does not match',
      expect: false,
      event: cloudTrailEvent({ eventSource: 'bedrock.amazonaws.com', eventName: 'ListFoundationModels' }),
    },
  ],
});
