import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const CHANGES = new Set(['UpdateGuardrail', 'DeleteGuardrail']);

function guardrailOf(event: CloudTrailEvent): string {
  return requestText(event, 'guardrailIdentifier') ?? requestText(event, 'name') ?? 'unknown guardrail';
}

export default defineRule({
  id: 'AWS.CloudTrail.BedrockGuardrailChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A Bedrock guardrail was updated or deleted outside the deployment pipeline. Guardrails filter what models accept and return (PII, prompt attacks, denied topics); weakening one lets misuse of the models through.',
  runbook:
    'Compare the guardrail with its IaC definition, restore it if the change was not planned, and ask the actor why. A deletion is the stronger signal (medium severity).',
  reference: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html',
  tags: ['TA0005:T1562.001'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'bedrock.amazonaws.com' && CHANGES.has(event.eventName ?? '') && succeeded(event) && !isDeployment(event, settings),
  title: (event) =>
    `${actorOf(event)} ${event.eventName === 'DeleteGuardrail' ? 'deleted' : 'updated'} Bedrock guardrail ${guardrailOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${guardrailOf(event)}`,
  dynamicSeverity: (event) => (event.eventName === 'DeleteGuardrail' ? 'MEDIUM' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'deleting a guardrail matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'bedrock.amazonaws.com', eventName: 'DeleteGuardrail', requestParameters: { guardrailIdentifier: 'gr-0a1b2c3d' } }),
    },
    {
      name: 'updating a guardrail by hand matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'UpdateGuardrail',
        requestParameters: { guardrailIdentifier: 'gr-0a1b2c3d', name: 'support-bot' },
      }),
    },
    {
      name: 'the pipeline updating a guardrail does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'UpdateGuardrail',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-9'),
        requestParameters: { guardrailIdentifier: 'gr-0a1b2c3d' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'bedrock.amazonaws.com',
        eventName: 'DeleteGuardrail',
        errorCode: 'AccessDeniedException',
        requestParameters: { guardrailIdentifier: 'gr-0a1b2c3d' },
      }),
    },
  ],
});
