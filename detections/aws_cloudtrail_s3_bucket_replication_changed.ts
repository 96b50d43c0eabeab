import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, text } from './lib/fields';
import { accountOf, actorOf, callContext, isDeployment, isOrganizationAccount, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Destination accounts outside the organization named by the replication rules. */
function outsideDestinations(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  if (event.eventName !== 'PutBucketReplication') return [];
  const accounts = list(requestParam(event, 'ReplicationConfiguration', 'Rule')).flatMap((rule) => {
    const account = text(dig(rule, 'Destination', 'Account'));
    return account !== undefined && !isOrganizationAccount(account, event, settings) ? [account] : [];
  });
  return [...new Set(accounts)];
}

function change(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  const outsiders = outsideDestinations(event, settings);
  if (outsiders.length > 0) return `set replication to account(s) outside the organization (${outsiders.join(', ')}) on`;
  if (event.eventName === 'DeleteBucketReplication' && !isDeployment(event, settings)) return 'deleted the replication configuration of';
  return undefined;
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

function replication(account: string): Record<string, unknown> {
  return {
    bucketName: 'acme-prod-orders-data',
    Host: 'acme-prod-orders-data.s3.amazonaws.com',
    replication: [''],
    ReplicationConfiguration: {
      Role: 'arn:aws:iam::123456789012:role/s3-replication',
      Rule: {
        ID: 'all',
        Status: 'Enabled',
        Priority: 1,
        Filter: {},
        Destination: { Bucket: 'arn:aws:s3:::copy-of-orders', Account: account, AccessControlTranslation: { Owner: 'Destination' } },
      },
    },
  };
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketReplicationChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A bucket started replicating to an account outside the organization (every new object is copied out: quiet, continuous exfiltration), or its replication was deleted outside the deployment pipeline (the disaster-recovery copy stops being kept).',
  runbook:
    'For an outside destination: remove the replication rule at once, find who owns the destination account, and check how many objects replicated (replication metrics). For a deletion: restore the replication from IaC unless it was planned, and ask the actor why.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-walkthrough-2.html',
  tags: ['TA0010:T1537', 'TA0040:T1490'],
  requiresSettings: ['organizationAccountIds', 'deploymentPrincipals'],
  rule: (event, { settings }) => event.eventSource === 's3.amazonaws.com' && succeeded(event) && change(event, settings) !== undefined,
  title: (event, { settings }) => `${actorOf(event)} ${change(event, settings) ?? 'changed the replication of'} bucket ${bucketOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsideDestinations(event, settings).length > 0 ? 'HIGH' : 'MEDIUM'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsideDestinations: outsideDestinations(event, settings) }),
  tests: [
    {
      name: 'replication to an outside account matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketReplication', requestParameters: replication('444455556666') }),
    },
    {
      name: 'deleting replication by hand matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucketReplication',
        requestParameters: { bucketName: 'acme-prod-orders-data', replication: [''] },
      }),
    },
    {
      name: 'replication to an organization account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketReplication', requestParameters: replication('111122223333') }),
    },
    {
      name: 'the pipeline deleting replication does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucketReplication',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-2'),
        requestParameters: { bucketName: 'acme-dev-scratch' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketReplication',
        errorCode: 'AccessDenied',
        requestParameters: replication('444455556666'),
      }),
    },
  ],
});
