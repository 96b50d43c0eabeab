import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, succeeded, whereOf } from './lib/cloudtrail_fields';

/** How the call hides findings, or undefined when it does not. */
function hiding(event: CloudTrailEvent): string | undefined {
  switch (event.eventName) {
    case 'BatchUpdateFindings': {
      const status = text(requestParam(event, 'Workflow', 'Status'));
      return status === 'SUPPRESSED' ? `suppressed ${list(requestParam(event, 'FindingIdentifiers')).length} finding(s)` : undefined;
    }
    case 'UpdateFindings':
      return text(requestParam(event, 'RecordState')) === 'ARCHIVED' ? 'archived findings matching a filter' : undefined;
    case 'CreateAutomationRule':
      return list(requestParam(event, 'Actions')).some((action) => text(dig(action, 'FindingFieldsUpdate', 'Workflow', 'Status')) === 'SUPPRESSED')
        ? 'created an automation rule that suppresses findings'
        : undefined;
    case 'DeleteInsight':
      return 'deleted an insight';
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'AWS.CloudTrail.SecurityHubFindingsSuppressed',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Security Hub findings were suppressed or archived, an automation rule now suppresses findings automatically, or an insight was deleted. Attackers hide the findings their own activity raised without switching Security Hub off.',
  runbook:
    "Look at which findings were hidden (alert context) and whether the actor is on the team that triages them. An automation rule that suppresses broadly (no tight criteria) should be deleted. If nobody owns the change, restore the findings' workflow status and review the actor's other activity.",
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/automation-rules.html',
  tags: ['TA0005:T1562.001', 'TA0005:T1070'],
  rule: (event) => event.eventSource === 'securityhub.amazonaws.com' && succeeded(event) && hiding(event) !== undefined,
  title: (event) => `${actorOf(event)} ${hiding(event) ?? 'hid Security Hub findings'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  dynamicSeverity: (event) => (event.eventName === 'CreateAutomationRule' ? 'HIGH' : 'MEDIUM'),
  alertContext: callContext,
  tests: [
    {
      name: 'suppressing findings matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'BatchUpdateFindings',
        requestParameters: {
          FindingIdentifiers: [
            { Id: 'arn:aws:guardduty:us-east-1:123456789012:detector/12abc/finding/34def', ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty' },
          ],
          Workflow: { Status: 'SUPPRESSED' },
        },
      }),
    },
    {
      name: 'an automation rule that suppresses matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'CreateAutomationRule',
        requestParameters: {
          RuleName: 'quiet',
          RuleOrder: 1,
          Criteria: { SeverityLabel: [{ Value: 'HIGH', Comparison: 'EQUALS' }] },
          Actions: [{ Type: 'FINDING_FIELDS_UPDATE', FindingFieldsUpdate: { Workflow: { Status: 'SUPPRESSED' } } }],
        },
      }),
    },
    {
      name: 'resolving a finding with a note does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'BatchUpdateFindings',
        requestParameters: {
          FindingIdentifiers: [{ Id: 'f-1', ProductArn: 'p' }],
          Workflow: { Status: 'RESOLVED' },
          Note: { Text: 'fixed in PR 812', UpdatedBy: 'alice' },
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'BatchUpdateFindings',
        errorCode: 'AccessDeniedException',
        requestParameters: { FindingIdentifiers: [], Workflow: { Status: 'SUPPRESSED' } },
      }),
    },
  ],
});
