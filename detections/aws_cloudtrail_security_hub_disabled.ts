import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { strings } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, succeeded, whereOf } from './lib/cloudtrail_fields';

const DISABLING = new Map([
  ['DisableSecurityHub', 'disabled Security Hub'],
  ['BatchDisableStandards', 'disabled Security Hub standards'],
  ['DisassociateFromAdministratorAccount', 'detached Security Hub from its administrator account'],
  ['DisassociateFromMasterAccount', 'detached Security Hub from its administrator account'],
]);

export default defineRule({
  id: 'AWS.CloudTrail.SecurityHubDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Security Hub, or some of its standards, was switched off, or the account was detached from the Security Hub administrator, hiding posture findings from the central view.',
  runbook:
    'Re-enable Security Hub or the standards (or re-invite the member) from the administrator account. Ask the actor why; without a change request, revoke their sessions and review their other activity for further defence evasion.',
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-disable.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'securityhub.amazonaws.com' && DISABLING.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} ${DISABLING.get(event.eventName ?? '') ?? 'disabled Security Hub'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:securityhub`,
  alertContext: (event) => ({ ...callContext(event), standards: strings(requestParam(event, 'StandardsSubscriptionArns')) }),
  tests: [
    {
      name: 'disabling Security Hub matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'securityhub.amazonaws.com', eventName: 'DisableSecurityHub', requestParameters: {} }),
    },
    {
      name: 'disabling a standard matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'BatchDisableStandards',
        requestParameters: {
          StandardsSubscriptionArns: ['arn:aws:securityhub:us-east-1:123456789012:subscription/aws-foundational-security-best-practices/v/1.0.0'],
        },
      }),
    },
    {
      name: 'enabling a standard does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'BatchEnableStandards',
        requestParameters: { StandardsSubscriptionRequests: [] },
      }),
    },
    {
      name: 'GuardDuty detaching from its administrator is another rule',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'guardduty.amazonaws.com', eventName: 'DisassociateFromAdministratorAccount' }),
    },
  ],
});
