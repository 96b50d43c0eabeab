import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isExplicitFalse } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** The UpdateTrail changes that lose or endanger the record, in words a responder reads in the title. */
function weakenings(event: CloudTrailEvent): string[] {
  const found: string[] = [];
  if (isExplicitFalse(requestParam(event, 'isMultiRegionTrail'))) found.push('made it single-region');
  if (isExplicitFalse(requestParam(event, 'includeGlobalServiceEvents'))) found.push('dropped global service events');
  if (isExplicitFalse(requestParam(event, 'enableLogFileValidation'))) found.push('turned off log file validation');
  if (requestText(event, 's3BucketName') !== undefined) found.push(`sent its logs to bucket ${requestText(event, 's3BucketName')}`);
  if (requestParam(event, 'kmsKeyId') === '') found.push('removed its KMS encryption');
  return found;
}

export default defineRule({
  id: 'AWS.CloudTrail.TrailWeakened',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A trail was updated in a way that loses or endangers the audit record: fewer regions or global events, no log file validation, no encryption, or a new destination bucket.',
  runbook:
    "Compare the trail with its IaC definition. A new S3 bucket is the most serious: check who owns it (it may be in another account) and restore the original destination. Re-enable validation, multi-region and global events as they were. If nobody requested the change, revoke the actor's sessions and review their activity.",
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'cloudtrail.amazonaws.com' && event.eventName === 'UpdateTrail' && succeeded(event) && weakenings(event).length > 0,
  title: (event) => `${actorOf(event)} updated trail ${requestText(event, 'name') ?? 'unknown'} in ${whereOf(event)}: ${weakenings(event).join(', ')}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'name') ?? 'unknown trail'}`,
  alertContext: (event) => ({ ...callContext(event), changes: weakenings(event) }),
  tests: [
    {
      name: 'redirecting a trail to another bucket matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'UpdateTrail',
        requestParameters: { name: 'org-management-events', s3BucketName: 'totally-legit-logs-4821' },
      }),
    },
    {
      name: 'turning off validation and multi-region matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'UpdateTrail',
        requestParameters: { name: 'org-management-events', isMultiRegionTrail: false, enableLogFileValidation: false },
      }),
    },
    {
      name: 'turning on validation does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'UpdateTrail',
        requestParameters: { name: 'org-management-events', enableLogFileValidation: true, isMultiRegionTrail: true },
      }),
    },
    {
      name: 'an update with no parameters does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'UpdateTrail', requestParameters: null }),
    },
  ],
});
