import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
  type GetPublicAccessBlockCommandOutput,
  type Grant,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { policyAlertId } from '../../src/alerts/policy-alerts';
import { attachmentBlocks } from '../helpers/slack-api';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { startSlackStack, type SlackStack } from '../helpers/slack-stack';

// The scanned account's AWS APIs are mocked; the queues, tables, handlers and Slack transport are
// the local stack's. S3 is mocked only for the bucket under test: every other S3 call (the stack's
// own raw and lake buckets) goes through to the emulator.
const sts = mockClient(STSClient);
const s3 = mockClient(S3Client);
s3.send.callThrough();

const BUCKET = 'acme-shared-reports';
const ARN = `arn:aws:s3:::${BUCKET}`;
const OWNER = { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', DisplayName: 'acme' };
const PUBLIC_READ: Grant = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' };
const input = { Bucket: BUCKET };

/** The bucket as S3 answers for it: well kept, except for what the test changes. */
function bucketAnswers(state: { grants: Grant[]; publicAccessBlock: GetPublicAccessBlockCommandOutput['PublicAccessBlockConfiguration'] | undefined }): void {
  s3.on(GetBucketLocationCommand, input).resolves({});
  s3.on(GetBucketEncryptionCommand, input).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
          BucketKeyEnabled: true,
        },
      ],
    },
  });
  s3.on(GetBucketAclCommand, input).resolves({
    Owner: OWNER,
    Grants: [{ Grantee: { Type: 'CanonicalUser', ID: OWNER.ID }, Permission: 'FULL_CONTROL' }, ...state.grants],
  });
  const noBlock = Object.assign(new Error('The public access block configuration was not found'), {
    name: 'NoSuchPublicAccessBlockConfiguration',
    $metadata: { httpStatusCode: 404 },
  });
  if (state.publicAccessBlock) s3.on(GetPublicAccessBlockCommand, input).resolves({ PublicAccessBlockConfiguration: state.publicAccessBlock });
  else s3.on(GetPublicAccessBlockCommand, input).rejects(noBlock);
  s3.on(GetBucketPolicyCommand, input).resolves({
    Policy: JSON.stringify({
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [ARN, `${ARN}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
    }),
  });
  s3.on(GetBucketPolicyStatusCommand, input).resolves({ PolicyStatus: { IsPublic: false } });
  s3.on(GetBucketVersioningCommand, input).resolves({ Status: 'Enabled', MFADelete: 'Enabled' });
  s3.on(GetBucketLoggingCommand, input).resolves({ LoggingEnabled: { TargetBucket: 'acme-access-logs', TargetPrefix: `${BUCKET}/` } });
  s3.on(GetObjectLockConfigurationCommand, input).rejects(
    Object.assign(new Error('none'), { name: 'ObjectLockConfigurationNotFoundError', $metadata: { httpStatusCode: 404 } }),
  );
  s3.on(GetBucketTaggingCommand, input).resolves({ TagSet: [{ Key: 'team', Value: 'finance' }] });
  s3.on(GetBucketLifecycleConfigurationCommand, input).resolves({ Rules: [] });
}

function bucketChange(eventName: string, eventID: string, requestParameters: Record<string, unknown>): Buffer {
  return cloudTrailFile([
    cloudTrailEvent({
      eventSource: 's3.amazonaws.com',
      eventName,
      eventID,
      readOnly: false,
      requestParameters: { bucketName: BUCKET, Host: `${BUCKET}.s3.amazonaws.com`, ...requestParameters },
    }),
  ]);
}

describe('near-real-time re-scans', () => {
  let env: SlackStack;
  beforeAll(async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'ASIAAUDIT', SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(Date.now() + 3_600_000) },
      AssumedRoleUser: { AssumedRoleId: 'AROAAUDIT:prowl-scan', Arn: 'arn:aws:sts::123456789012:assumed-role/ProwlAudit/prowl-scan' },
    });
    env = await startSlackStack();
  });
  afterAll(async () => {
    await env.stop();
    sts.restore();
    s3.restore();
  });

  const alertId = policyAlertId('AWS.S3.Bucket.PublicACLGrant', ARN);
  const policyPosts = (): number =>
    env.slack
      .of('chat.postMessage')
      .filter((call) => String(call.body['text']).includes('Policy failure') && JSON.stringify(attachmentBlocks(call)).includes(BUCKET)).length;

  it('re-scans a bucket made public by PutBucketAcl and opens its policy alert, once for a burst of changes', async () => {
    bucketAnswers({ grants: [PUBLIC_READ], publicAccessBlock: undefined });

    // Two changes to the same bucket in one object: one re-scan.
    await env.stack.putObject(
      cloudTrailKey('acl-public'),
      cloudTrailFile([
        cloudTrailEvent({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketAcl',
          eventID: 'acl-1',
          readOnly: false,
          requestParameters: { bucketName: BUCKET, acl: [''], 'x-amz-acl': ['public-read'] },
        }),
        cloudTrailEvent({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketAcl',
          eventID: 'acl-2',
          readOnly: false,
          requestParameters: { bucketName: BUCKET, acl: [''], 'x-amz-acl': ['public-read'] },
        }),
      ]),
    );
    await env.stack.runner.idle({ timeoutMs: 30_000 });

    // The re-scan read the one bucket; it never listed the account's buckets.
    expect(s3.commandCalls(GetBucketAclCommand, input)).toHaveLength(1);
    expect(s3.commandCalls(ListBucketsCommand)).toHaveLength(0);
    expect(await env.services.alerts.get(alertId)).toMatchObject({
      status: 'OPEN',
      kind: 'policy',
      resource: { ResourceType: 'AWS.S3.Bucket', ResourceId: ARN, AccountId: '123456789012' },
    });
    expect(policyPosts()).toBeGreaterThanOrEqual(1);
    const posted = env.slack.of('chat.postMessage').find((call) => JSON.stringify(attachmentBlocks(call)).includes('AWS.S3.Bucket.PublicACLGrant'));
    expect(posted).toBeDefined();
  });

  it('resolves the alert and updates its Slack message when PutPublicAccessBlock blocks public ACLs', async () => {
    bucketAnswers({
      grants: [PUBLIC_READ],
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });

    await env.stack.putObject(
      cloudTrailKey('public-access-block'),
      bucketChange('PutPublicAccessBlock', 'pab-1', {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        publicAccessBlock: [''],
      }),
    );
    await env.stack.runner.idle({ timeoutMs: 30_000 });

    expect(await env.services.alerts.get(alertId)).toMatchObject({ status: 'RESOLVED', resolvedBy: 'prowl-scan', resolution: { reason: 'remediated' } });
    const updates = env.slack.of('chat.update').filter((call) => JSON.stringify(attachmentBlocks(call)).includes('AWS.S3.Bucket.PublicACLGrant'));
    expect(JSON.stringify(attachmentBlocks(updates[updates.length - 1]!))).toContain('Resolved (remediated) by prowl-scan');
  });

  it('ignores a change that failed, and a change to a resource in an account Prowl does not scan', async () => {
    const before = s3.commandCalls(GetBucketAclCommand).length;
    await env.stack.putObject(
      cloudTrailKey('ignored'),
      cloudTrailFile([
        cloudTrailEvent({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketAcl',
          eventID: 'denied-1',
          errorCode: 'AccessDenied',
          requestParameters: { bucketName: BUCKET },
        }),
        cloudTrailEvent({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketAcl',
          eventID: 'other-1',
          recipientAccountId: '999999999999',
          requestParameters: { bucketName: 'someone-elses' },
        }),
      ]),
    );
    await env.stack.runner.idle({ timeoutMs: 30_000 });

    expect(s3.commandCalls(GetBucketAclCommand).length).toBe(before);
  });
});
