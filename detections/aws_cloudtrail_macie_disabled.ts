import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const ALWAYS_DISABLING = new Map([
  ['DisableMacie', 'disabled Macie'],
  ['DisassociateFromAdministratorAccount', 'detached Macie from its administrator account'],
  ['DisassociateFromMasterAccount', 'detached Macie from its administrator account'],
  ['DisableOrganizationAdminAccount', 'removed the Macie delegated administrator'],
]);

function disabling(event: CloudTrailEvent): string | undefined {
  const name = event.eventName ?? '';
  if (name === 'UpdateMacieSession') return requestText(event, 'status') === 'PAUSED' ? 'paused Macie' : undefined;
  return ALWAYS_DISABLING.get(name);
}

export default defineRule({
  id: 'AWS.CloudTrail.MacieDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Amazon Macie was disabled or paused, or the account was detached from its Macie administrator: sensitive-data discovery in S3 stops, typically just before data is staged for exfiltration.',
  runbook:
    'Re-enable Macie (or re-associate the member from the administrator account). Ask the actor why; without a change request, revoke their sessions and review S3 activity (new bucket policies, replication, large reads) around the same time.',
  reference: 'https://docs.aws.amazon.com/macie/latest/user/macie-suspend-disable.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'macie2.amazonaws.com' && succeeded(event) && disabling(event) !== undefined,
  title: (event) => `${actorOf(event)} ${disabling(event) ?? 'disabled Macie'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:macie`,
  alertContext: callContext,
  tests: [
    {
      name: 'disabling Macie matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'macie2.amazonaws.com', eventName: 'DisableMacie', requestParameters: {} }),
    },
    {
      name: 'pausing Macie matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'macie2.amazonaws.com', eventName: 'UpdateMacieSession', requestParameters: { status: 'PAUSED' } }),
    },
    {
      name: 'changing the publishing frequency does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'macie2.amazonaws.com',
        eventName: 'UpdateMacieSession',
        requestParameters: { findingPublishingFrequency: 'FIFTEEN_MINUTES', status: 'ENABLED' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'macie2.amazonaws.com', eventName: 'DisableMacie', errorCode: 'AccessDeniedException', requestParameters: {} }),
    },
  ],
});
