import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, cloudTrailEvent } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isOrganizationAccount, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const WRITES = new Set(['PutObject', 'CopyObject', 'CreateMultipartUpload']);

/**
 * The owner of the bucket written to, from the record's `resources` (CloudTrail names the owning
 * account of each bucket it logs), when that owner is outside the organization.
 */
function outsideOwner(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  const bucketArn = `arn:aws:s3:::${requestText(event, 'bucketName') ?? ''}`;
  const owner = (event.resources ?? []).find((resource) => resource.type === 'AWS::S3::Bucket' && resource.ARN === bucketArn)?.accountId ?? undefined;
  return owner && /^\d{12}$/.test(owner) && !isOrganizationAccount(owner, event, settings) ? owner : undefined;
}

function copy(owner: string, fields: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    readOnly: false,
    managementEvent: false,
    eventCategory: 'Data',
    requestParameters: { bucketName: 'dropzone-7731', key: 'orders.parquet', 'x-amz-copy-source': 'acme-prod-orders-data/exports/orders.parquet' },
    resources: [
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::dropzone-7731/orders.parquet' },
      { accountId: owner, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::dropzone-7731' },
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::acme-prod-orders-data/exports/orders.parquet' },
      { accountId: '123456789012', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::acme-prod-orders-data' },
    ],
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.S3ObjectCopiedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A principal of the organization copied or uploaded objects into a bucket owned by an account outside it: data leaving through S3 itself, which no network control sees. Needs S3 data events for all buckets in the trail.',
  runbook:
    "Find which objects went out (x-amz-copy-source, keys) and who owns the destination bucket. Unless it is a known partner drop-box, block the principal (revoke sessions or keys), and add an aws:ResourceOrgID condition (VPC endpoint or SCP) so objects can only be written to the organization's buckets.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceorgid',
  tags: ['TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 's3.amazonaws.com' && WRITES.has(event.eventName ?? '') && succeeded(event) && outsideOwner(event, settings) !== undefined,
  title: (event, { settings }) =>
    `${actorOf(event)} wrote objects to bucket ${requestText(event, 'bucketName') ?? 'unknown'} owned by outside account ${outsideOwner(event, settings) ?? 'unknown'} from ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${requestText(event, 'bucketName') ?? 'unknown bucket'}`,
  alertContext: (event, { settings }) => ({
    ...callContext(event),
    bucketOwner: outsideOwner(event, settings),
    copySource: requestText(event, 'x-amz-copy-source'),
  }),
  tests: [
    { name: "a copy into an outside account's bucket matches", expect: true, event: copy('444455556666') },
    { name: 'a copy into an organization bucket does not match', expect: false, settings: TEST_SETTINGS, event: copy('111122223333') },
    { name: 'a record without bucket owners does not match', expect: false, event: copy('444455556666', { resources: null }) },
    { name: 'a denied copy does not match', expect: false, event: copy('444455556666', { errorCode: 'AccessDenied' }) },
  ],
});
