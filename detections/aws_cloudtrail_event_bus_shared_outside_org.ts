import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './lib/fields';
import {
  accountOf,
  actorOf,
  callContext,
  isOrganizationAccount,
  requestParam,
  requestText,
  resourcePolicyOutsiders,
  succeeded,
  whereOf,
} from './lib/cloudtrail_fields';

/**
 * PutPermission comes in two shapes: a whole `policy` document, or `principal` (account id or `*`)
 * with an optional `condition` (the organization).
 */
function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  if (event.eventName !== 'PutPermission') return [];
  const document = requestParam(event, 'policy');
  if (document !== undefined) return resourcePolicyOutsiders(document, event, settings);
  const principal = requestText(event, 'principal') ?? '';
  if (principal === '*') return requestParam(event, 'condition') === undefined ? ['everyone'] : [];
  const account = principalAccount(principal);
  return account !== undefined && !isOrganizationAccount(account, event, settings) ? [account] : [];
}

function busOf(event: CloudTrailEvent): string {
  return requestText(event, 'eventBusName') ?? 'default';
}

export default defineRule({
  id: 'AWS.CloudTrail.EventBusSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An EventBridge event bus now accepts events from everyone or from an account outside the organization. Rules on the bus trigger targets (Lambda, Step Functions, SSM) from whatever the outsider sends.',
  runbook:
    'Check which rules and targets the bus feeds. Unless the outside account is a known integration, remove the permission (`aws events remove-permission`) and ask the actor why it was added.',
  reference: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html',
  tags: ['TA0003:T1098', 'TA0001:T1199'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'events.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} let ${outsiders(event, settings).join(', ')} put events on bus ${busOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${busOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'HIGH' : 'MEDIUM'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'letting an outside account put events matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutPermission',
        requestParameters: { eventBusName: 'default', action: 'events:PutEvents', principal: '444455556666', statementId: 'ext' },
      }),
    },
    {
      name: 'letting everyone put events matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutPermission',
        requestParameters: { action: 'events:PutEvents', principal: '*', statementId: 'all' },
      }),
    },
    {
      name: 'everyone in the organization does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutPermission',
        requestParameters: {
          action: 'events:PutEvents',
          principal: '*',
          statementId: 'org',
          condition: { type: 'StringEquals', key: 'aws:PrincipalOrgID', value: 'o-a1b2c3d4e5' },
        },
      }),
    },
    {
      name: 'an organization account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutPermission',
        requestParameters: { action: 'events:PutEvents', principal: '111122223333', statementId: 'sib' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutPermission',
        errorCode: 'AccessDeniedException',
        requestParameters: { action: 'events:PutEvents', principal: '*', statementId: 'all' },
      }),
    },
  ],
});
