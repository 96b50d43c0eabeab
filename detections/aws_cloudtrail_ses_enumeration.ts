import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf } from './lib/cloudtrail_fields';

/** What someone checks before sending mail from a stolen account: is sending on, how much, from which identities. */
const SES_LOOKUPS = new Set([
  'GetAccountSendingEnabled',
  'GetSendQuota',
  'GetSendStatistics',
  'ListIdentities',
  'GetIdentityVerificationAttributes',
  'ListEmailIdentities',
  'GetAccount',
]);

function lookupOf(event: CloudTrailEvent): string[] {
  return event.eventSource === 'ses.amazonaws.com' && SES_LOOKUPS.has(event.eventName ?? '') ? [event.eventName ?? ''] : [];
}

function ses(eventName: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({ eventSource: 'ses.amazonaws.com', eventName, ...fields });
}

export default defineRule({
  id: 'AWS.CloudTrail.SesEnumeration',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'One principal made 3 or more different SES look-ups within an hour (sending enabled? quota? which identities?), in any region and counting denied ones. It is among the first things done with a stolen access key: SES that can send is sold for phishing and spam. Long-term IAM user keys are high severity.',
  runbook:
    "Ask the principal's owner whether they manage email sending. If not, deactivate the key or revoke the sessions, check SES for new identities, raised quotas or a request to leave the sandbox (GetAccount / PutAccountDetails), and look for SendEmail / SendRawEmail calls by the same principal.",
  reference: 'https://permiso.io/blog/s/aws-ses-pionage-detecting-ses-abuse/',
  tags: ['TA0007:T1526'],
  threshold: 3,
  rule: (event) => lookupOf(event).length > 0 && !isAwsServiceCall(event),
  distinctValues: lookupOf,
  title: (event) => `${actorOf(event)} is enumerating SES (email sending) in ${accountOf(event)}`,
  // Not per region: attackers check every region for a sending-enabled one.
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  dynamicSeverity: (event) => (event.userIdentity?.type === 'IAMUser' ? 'HIGH' : 'MEDIUM'),
  alertContext: callContext,
  tests: [
    {
      name: 'checking whether sending is enabled counts',
      expect: true,
      event: ses('GetAccountSendingEnabled', { userIdentity: iamUserIdentity('legacy-smtp') }),
    },
    { name: 'a denied quota look-up counts', expect: true, event: ses('GetSendQuota', { awsRegion: 'eu-west-1', errorCode: 'AccessDenied' }) },
    { name: 'sending an email does not count', expect: false, event: ses('SendEmail', { userIdentity: assumedRoleIdentity('notifications', 'worker') }) },
    {
      name: 'a look-up by an AWS service does not count',
      expect: false,
      event: ses('GetSendQuota', { userIdentity: { type: 'AWSService', invokedBy: 'cognito-idp.amazonaws.com' } }),
    },
  ],
});
