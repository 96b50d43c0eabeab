import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** What the versioning change gives up: object history (Suspended), MFA-protected deletes (MfaDelete Disabled), or both. */
function weakenings(event: CloudTrailEvent): string[] {
  if (event.eventName !== 'PutBucketVersioning') return [];
  const found: string[] = [];
  if (requestText(event, 'VersioningConfiguration', 'Status') === 'Suspended') found.push('suspended versioning');
  if (requestText(event, 'VersioningConfiguration', 'MfaDelete') === 'Disabled') found.push('turned off MFA delete');
  return found;
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

function versioning(configuration: Record<string, string>): Record<string, unknown> {
  return {
    bucketName: 'acme-prod-orders-data',
    Host: 'acme-prod-orders-data.s3.amazonaws.com',
    versioning: [''],
    VersioningConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', ...configuration },
  };
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketVersioningWeakened',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A bucket's versioning was suspended or its MFA delete turned off. Both remove the safety net against deletion and overwrite: ransomware against S3 starts by making sure old versions cannot be restored.",
  runbook:
    'Re-enable versioning (and MFA delete, which only the root user can set) unless the change was planned. Ask the actor why. Watch the bucket for mass deletes or overwrites (S3 data events) that may follow.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  tags: ['TA0040:T1490', 'TA0005:T1562.001'],
  rule: (event) => event.eventSource === 's3.amazonaws.com' && succeeded(event) && weakenings(event).length > 0,
  title: (event) => `${actorOf(event)} ${weakenings(event).join(' and ')} on bucket ${bucketOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'suspending versioning matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketVersioning', requestParameters: versioning({ Status: 'Suspended' }) }),
    },
    {
      name: 'turning off MFA delete matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketVersioning',
        requestParameters: versioning({ Status: 'Enabled', MfaDelete: 'Disabled' }),
      }),
    },
    {
      name: 'enabling versioning does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketVersioning', requestParameters: versioning({ Status: 'Enabled' }) }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketVersioning',
        errorCode: 'AccessDenied',
        requestParameters: versioning({ Status: 'Suspended' }),
      }),
    },
  ],
});
