import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { insightOn } from '../src/detect/test-events-insight-dns-waf';
import { type CloudTrailInsightEvent, insightRate } from '../src/logs/cloudtrail-insight';

/** Calls that make data unreadable or hand its keys to someone else. */
const DESTRUCTIVE = new Set([
  'ScheduleKeyDeletion',
  'DisableKey',
  'PutKeyPolicy',
  'CreateGrant',
  'ReEncrypt',
  'ImportKeyMaterial',
  'DeleteImportedKeyMaterial',
]);

function severityOf(event: CloudTrailInsightEvent): Severity {
  return DESTRUCTIVE.has(event.insightDetails.eventName) ? 'HIGH' : 'MEDIUM';
}

export default defineRule({
  id: 'AWS.CloudTrailInsight.KmsUnusualRate',
  logTypes: ['AWS.CloudTrailInsight'],
  severity: 'MEDIUM',
  description:
    'CloudTrail Insights saw an unusual rate of KMS calls (or of their errors) in an account: bulk decryption of data, keys being disabled or scheduled for deletion in numbers (ransomware), or a principal probing keys it may not use.',
  runbook:
    'Search AWS.CloudTrail eventSource=kms.amazonaws.com eventName=<the API> around the alert and group by userIdentity.arn and the key (resources). Decrypt or GenerateDataKey spikes from a new principal or user agent are data access: check what the key protects and whether the principal should read it. Disable/ScheduleKeyDeletion/PutKeyPolicy spikes are destructive: cancel pending deletions (CancelKeyDeletion), re-enable keys and revoke the principal. AccessDenied spikes are probing: find the caller and its credentials.',
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html',
  tags: ['TA0040:T1486', 'TA0009:T1530'],
  rule: (event) => event.insightDetails.state === 'Start' && event.insightDetails.eventSource === 'kms.amazonaws.com',
  title: (event) =>
    `Unusual rate of KMS ${event.insightDetails.eventName}${event.insightDetails.insightType === 'ApiErrorRateInsight' ? ` errors (${event.insightDetails.errorCode ?? 'unknown error'})` : ''} calls in account ${event.recipientAccountId ?? 'unknown'}`,
  dedup: (event) => `${event.recipientAccountId ?? ''}:${event.insightDetails.eventName}:${event.insightDetails.insightType}`,
  dynamicSeverity: severityOf,
  alertContext: (event) => ({
    api: event.insightDetails.eventName,
    insightType: event.insightDetails.insightType,
    errorCode: event.insightDetails.errorCode,
    rate: insightRate(event),
    sharedEventID: event.sharedEventID,
  }),
  tests: [
    { name: 'a spike of Decrypt calls matches', expect: true, event: insightOn('kms.amazonaws.com', 'Decrypt') },
    { name: 'a spike of ScheduleKeyDeletion calls matches', expect: true, event: insightOn('kms.amazonaws.com', 'ScheduleKeyDeletion') },
    {
      name: 'a spike of AccessDenied errors on GenerateDataKey matches',
      expect: true,
      event: insightOn('kms.amazonaws.com', 'GenerateDataKey', { insightType: 'ApiErrorRateInsight', errorCode: 'AccessDeniedException' }),
    },
    { name: 'the end of a KMS insight does not match', expect: false, event: insightOn('kms.amazonaws.com', 'Decrypt', { state: 'End' }) },
    { name: 'a spike of S3 calls does not match', expect: false, event: insightOn('s3.amazonaws.com', 'GetObject') },
  ],
});
