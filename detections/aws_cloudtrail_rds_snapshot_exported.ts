import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import type { DetectionSettings } from '../src/config/detection-settings';
import { globMatcher } from './lib/matchers';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Buckets the organization listed in settings are known destinations; anything else is unexpected. */
function isKnownBucket(bucket: string, settings: DetectionSettings): boolean {
  return globMatcher([...settings.networkRestrictedBuckets, ...settings.bucketAccess.map((entry) => entry.bucket)])(bucket);
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 's3BucketName') ?? 'unknown bucket';
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsSnapshotExported',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An RDS or Aurora snapshot export to S3 was started: the whole database is written out as Parquet files, ready to be read or copied elsewhere. Exports to a bucket not named in detections.networkRestrictedBuckets or bucketAccess are high severity (all of them while both are empty).',
  runbook:
    "Ask the actor what the export is for and check the destination bucket's owner and policy. If unexpected, cancel the task (`aws rds cancel-export-task`), delete the exported files, and review the IAM role used for the export.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ExportSnapshot.html',
  tags: ['TA0010:T1537', 'TA0009:T1530'],
  rule: (event) => event.eventSource === 'rds.amazonaws.com' && event.eventName === 'StartExportTask' && succeeded(event),
  title: (event) =>
    `${actorOf(event)} started exporting ${requestText(event, 'sourceArn') ?? 'a snapshot'} to S3 bucket ${bucketOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'sourceArn') ?? 'unknown snapshot'}`,
  dynamicSeverity: (event, { settings }) => (isKnownBucket(bucketOf(event), settings) ? 'MEDIUM' : 'HIGH'),
  alertContext: callContext,
  tests: [
    {
      name: 'exporting a snapshot to an unknown bucket matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'StartExportTask',
        requestParameters: {
          exportTaskIdentifier: 'x1',
          sourceArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:orders-prod-2026-11-21',
          s3BucketName: 'tmp-export-8812',
          iamRoleArn: 'arn:aws:iam::123456789012:role/rds-export',
          kmsKeyId: 'alias/rds-export',
        },
      }),
    },
    {
      name: 'describing export tasks does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'rds.amazonaws.com', eventName: 'DescribeExportTasks', readOnly: true }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'StartExportTask',
        errorCode: 'AccessDenied',
        requestParameters: { sourceArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:orders-prod-2026-11-21', s3BucketName: 'tmp-export-8812' },
      }),
    },
  ],
});
