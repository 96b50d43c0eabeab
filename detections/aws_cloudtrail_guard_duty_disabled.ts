import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, isExplicitFalse, list, strings, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Calls that switch GuardDuty off for this account or cut member accounts loose from the administrator. */
const ALWAYS_DISABLING = new Set([
  'DeleteDetector',
  'DisassociateFromMasterAccount',
  'DisassociateFromAdministratorAccount',
  'StopMonitoringMembers',
  'DisassociateMembers',
  'DeleteMembers',
]);

function disabledFeatures(event: CloudTrailEvent): string[] {
  return list(requestParam(event, 'features')).flatMap((feature) =>
    text(dig(feature, 'status')) === 'DISABLED' ? [text(dig(feature, 'name')) ?? 'unnamed feature'] : [],
  );
}

function isDisabling(event: CloudTrailEvent): boolean {
  if (ALWAYS_DISABLING.has(event.eventName ?? '')) return true;
  return event.eventName === 'UpdateDetector' && (isExplicitFalse(requestParam(event, 'enable')) || disabledFeatures(event).length > 0);
}

function what(event: CloudTrailEvent): string {
  const members = strings(requestParam(event, 'accountIds'));
  if (members.length > 0) return `${event.eventName} for member accounts ${members.join(', ')}`;
  const features = disabledFeatures(event);
  if (features.length > 0 && !isExplicitFalse(requestParam(event, 'enable'))) return `disabled GuardDuty features ${features.join(', ')}`;
  return event.eventName === 'UpdateDetector' ? 'disabled the GuardDuty detector' : `${event.eventName} on GuardDuty`;
}

export default defineRule({
  id: 'AWS.CloudTrail.GuardDutyDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'GuardDuty was disabled, deleted, had protection features turned off, or was detached from the administrator account, blinding threat detection for that account and region.',
  runbook:
    'Re-enable the detector or features, or re-associate the member, from the GuardDuty administrator account. Ask the actor for the reason; without a change request, revoke their sessions and review what else they did, paying attention to anything that GuardDuty would have reported during the gap.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'guardduty.amazonaws.com' && succeeded(event) && isDisabling(event),
  title: (event) => `${actorOf(event)} ${what(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${requestText(event, 'detectorId') ?? 'detector'}`,
  alertContext: (event) => ({ ...callContext(event), disabledFeatures: disabledFeatures(event) }),
  tests: [
    {
      name: 'deleting the detector matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'DeleteDetector',
        requestParameters: { detectorId: '12abc34d567e8fa901bc2d34e56789f0' },
      }),
    },
    {
      name: 'suspending the detector matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'UpdateDetector',
        requestParameters: { detectorId: '12abc34d567e8fa901bc2d34e56789f0', enable: false },
      }),
    },
    {
      name: 'turning off S3 protection matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'UpdateDetector',
        requestParameters: { detectorId: '12abc34d567e8fa901bc2d34e56789f0', features: [{ name: 'S3_DATA_EVENTS', status: 'DISABLED' }] },
      }),
    },
    {
      name: 'changing the publishing frequency does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'UpdateDetector',
        requestParameters: { detectorId: '12abc34d567e8fa901bc2d34e56789f0', findingPublishingFrequency: 'FIFTEEN_MINUTES' },
      }),
    },
    {
      name: 'creating a detector does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'guardduty.amazonaws.com', eventName: 'CreateDetector', requestParameters: { enable: true } }),
    },
  ],
});
