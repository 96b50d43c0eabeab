import { cloudTrailEvent } from '../../src/detect/test-events';
import { ChangedResources, changedResource } from '../../src/scan/resource-changes';

const s3Change = (eventName: string, fields: Record<string, unknown> = {}): unknown =>
  cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName, readOnly: false, requestParameters: { bucketName: 'acme-data' }, ...fields });

describe('changedResource', () => {
  it('names the bucket a PutBucketAcl, PutBucketPolicy or PutPublicAccessBlock changed, account-wide', () => {
    for (const name of ['PutBucketAcl', 'PutBucketPolicy', 'PutPublicAccessBlock', 'PutBucketPublicAccessBlock', 'DeleteBucketEncryption']) {
      expect(changedResource(s3Change(name))).toEqual({ accountId: '123456789012', region: 'global', resourceType: 'AWS.S3.Bucket', name: 'acme-data' });
    }
  });

  it('names the security group a rule change touched, in the region of the call', () => {
    const event = cloudTrailEvent({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AuthorizeSecurityGroupIngress',
      awsRegion: 'eu-west-1',
      requestParameters: { groupId: 'sg-0123' },
    });
    expect(changedResource(event)).toEqual({ accountId: '123456789012', region: 'eu-west-1', resourceType: 'AWS.EC2.SecurityGroup', name: 'sg-0123' });
  });

  it('names trails, keys, users and the password policy', () => {
    expect(
      changedResource(cloudTrailEvent({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', requestParameters: { name: 'main' } })),
    ).toMatchObject({ resourceType: 'AWS.CloudTrail', name: 'main', region: 'us-east-1' });
    expect(
      changedResource(cloudTrailEvent({ eventSource: 'kms.amazonaws.com', eventName: 'DisableKeyRotation', requestParameters: { keyId: 'k-1' } })),
    ).toMatchObject({ resourceType: 'AWS.KMS.Key', name: 'k-1' });
    expect(
      changedResource(cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName: 'DeactivateMFADevice', requestParameters: { userName: 'alice' } })),
    ).toMatchObject({ resourceType: 'AWS.IAM.User', name: 'alice', region: 'global' });
    expect(changedResource(cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName: 'DeleteAccountPasswordPolicy' }))).toMatchObject({
      resourceType: 'AWS.PasswordPolicy',
      region: 'global',
    });
  });

  it('ignores reads, failed calls, calls on resources Prowl does not scan, and events missing what it needs', () => {
    expect(changedResource(s3Change('GetBucketAcl'))).toBeUndefined();
    expect(changedResource(s3Change('PutBucketAcl', { errorCode: 'AccessDenied' }))).toBeUndefined();
    expect(changedResource(cloudTrailEvent({ eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' }))).toBeUndefined();
    expect(changedResource(s3Change('PutBucketAcl', { requestParameters: null }))).toBeUndefined();
    expect(changedResource(s3Change('PutBucketAcl', { recipientAccountId: 'not-an-account' }))).toBeUndefined();
    expect(changedResource(s3Change('PutBucketAcl', { requestParameters: { bucketName: 'x'.repeat(2000) } }))).toBeUndefined();
    expect(changedResource(null)).toBeUndefined();
    expect(changedResource('PutBucketAcl')).toBeUndefined();
  });
});

describe('ChangedResources', () => {
  it('keeps each changed resource once, in the order first seen', () => {
    const changed = new ChangedResources();
    changed.add(s3Change('PutBucketAcl'));
    changed.add(cloudTrailEvent({ eventSource: 'ec2.amazonaws.com', eventName: 'RevokeSecurityGroupIngress', requestParameters: { groupId: 'sg-1' } }));
    changed.add(s3Change('PutBucketPolicy'));
    expect(changed.list().map((target) => target.name)).toEqual(['acme-data', 'sg-1']);
  });
});
