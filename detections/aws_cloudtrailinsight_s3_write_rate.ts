import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { insightOn } from '../src/detect/test-events-insight-dns-waf';
import { type CloudTrailInsightEvent, insightRate, isWriteApiName } from '../src/logs/cloudtrail-insight';

function severityOf(event: CloudTrailInsightEvent): Severity {
  // Deleting in bulk (objects, versions, buckets) destroys data; other writes may be re-encryption or a big upload.
  return event.insightDetails.eventName.startsWith('Delete') ? 'HIGH' : 'MEDIUM';
}

export default defineRule({
  id: 'AWS.CloudTrailInsight.S3WriteRate',
  logTypes: ['AWS.CloudTrailInsight'],
  severity: 'MEDIUM',
  description:
    'CloudTrail Insights saw an unusual rate of S3 write calls (PutObject, DeleteObject, PutBucketPolicy…) in an account: mass deletion or overwriting of objects, the pattern of ransomware re-encrypting a bucket, or bucket settings changed in bulk.',
  runbook:
    'Search AWS.CloudTrail eventSource=s3.amazonaws.com eventName=<the API> around the alert (S3 data events must be on for object calls) and group by userIdentity.arn and bucket. A known batch job or a lifecycle migration is expected: confirm with its owner. Unknown principals deleting or overwriting objects is destruction or ransomware: revoke the credentials, block the principal with a bucket policy, and restore from versions or backups.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html',
  tags: ['TA0040:T1485', 'TA0040:T1486'],
  rule: (event) =>
    event.insightDetails.state === 'Start' && event.insightDetails.eventSource === 's3.amazonaws.com' && isWriteApiName(event.insightDetails.eventName),
  title: (event) =>
    `Unusual rate of S3 ${event.insightDetails.eventName} calls in account ${event.recipientAccountId ?? 'unknown'}${insightRate(event) ? ` (${insightRate(event)})` : ''}`,
  dedup: (event) => `${event.recipientAccountId ?? ''}:${event.insightDetails.eventName}`,
  dynamicSeverity: severityOf,
  alertContext: (event) => ({
    api: event.insightDetails.eventName,
    insightType: event.insightDetails.insightType,
    rate: insightRate(event),
    sharedEventID: event.sharedEventID,
  }),
  tests: [
    { name: 'a spike of DeleteObjects calls matches', expect: true, event: insightOn('s3.amazonaws.com', 'DeleteObjects') },
    { name: 'a spike of PutBucketPolicy calls matches', expect: true, event: insightOn('s3.amazonaws.com', 'PutBucketPolicy') },
    { name: 'a spike of S3 reads does not match', expect: false, event: insightOn('s3.amazonaws.com', 'ListBuckets') },
    { name: 'the end of an S3 insight does not match', expect: false, event: insightOn('s3.amazonaws.com', 'DeleteObjects', { state: 'End' }) },
    { name: 'a spike of IAM writes does not match', expect: false, event: insightOn('iam.amazonaws.com', 'CreateUser') },
  ],
});
