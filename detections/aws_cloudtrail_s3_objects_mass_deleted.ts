import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, attemptVerb, callContext, isAwsServiceCall, principalArnOf, requestText, whereOf } from './lib/cloudtrail_fields';

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

/** Each object version counts on its own: deleting every version of an object is what makes it unrecoverable. */
function objectVersionOf(event: CloudTrailEvent): string[] {
  const key = requestText(event, 'key');
  if (key === undefined) return [];
  const version = requestText(event, 'versionId');
  return [version === undefined ? key : `${key}?versionId=${version}`];
}

function deleteObject(key: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}, versionId?: string): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'DeleteObject',
    eventCategory: 'Data',
    managementEvent: false,
    readOnly: false,
    userIdentity: iamUserIdentity('christophe'),
    requestParameters: {
      bucketName: 'customer-exports',
      Host: 'customer-exports.s3.us-east-1.amazonaws.com',
      key,
      ...(versionId ? { versionId } : {}),
      'x-id': 'DeleteObject',
    },
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.S3ObjectsMassDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'One principal deleted, or tried to delete, 25 or more different objects or object versions of one bucket, one request at a time, within an hour. Emptying a bucket object by object, versions included, then leaving a ransom note is S3 ransomware; denied attempts count. Needs CloudTrail S3 data events.',
  runbook:
    'Stop the principal (deactivate the key, revoke sessions). If versions were deleted (values carry versionId), those objects are gone unless replicated or backed up: restore from AWS Backup or the replica. Otherwise restore the latest versions by removing the delete markers. Look for a new object uploaded by the same principal (the ransom note) and for other buckets it touched. If this is a cleanup job, suppress the rule for its role and bucket.',
  reference: 'https://aws.amazon.com/blogs/security/anatomy-of-a-ransomware-event-targeting-data-in-amazon-s3/',
  tags: ['TA0040:T1485', 'TA0040:T1486'],
  threshold: 25,
  rule: (event) =>
    event.eventSource === 's3.amazonaws.com' && event.eventName === 'DeleteObject' && !isAwsServiceCall(event) && objectVersionOf(event).length > 0,
  distinctValues: objectVersionOf,
  title: (event) => `${actorOf(event)} ${attemptVerb(event, 'deleted', 'tried to delete')} many objects in bucket ${bucketOf(event)} (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), bucket: bucketOf(event), object: objectVersionOf(event)[0] }),
  tests: [
    { name: 'deleting a version of an object counts', expect: true, event: deleteObject('liable-donated.sql', {}, '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY') },
    { name: 'a denied deletion counts as an attempt', expect: true, event: deleteObject('payroll.xlsx', { errorCode: 'AccessDenied' }) },
    { name: 'reading an object does not count', expect: false, event: deleteObject('payroll.xlsx', { eventName: 'GetObject', readOnly: true }) },
    {
      name: 'lifecycle expiry run by S3 does not count',
      expect: false,
      event: deleteObject('tmp/x', { userIdentity: awsServiceIdentity('s3.amazonaws.com') }),
    },
  ],
});
