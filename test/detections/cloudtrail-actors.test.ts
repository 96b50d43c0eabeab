import { accountOf, actorOf, isAwsServiceCall, principalArnOf } from '../../detections/lib/cloudtrail_fields';
import { assumedRoleIdentity, awsServiceIdentity, cloudTrailEvent, iamUserIdentity, rootIdentity } from '../../src/detect/test-events';

describe('who a CloudTrail event says acted', () => {
  it('names a role session as role/session and keys it by the role ARN', () => {
    const event = cloudTrailEvent({ userIdentity: assumedRoleIdentity('Engineer', 'alice') });
    expect(actorOf(event)).toBe('Engineer/alice');
    expect(principalArnOf(event)).toBe('arn:aws:iam::123456789012:role/Engineer');
  });

  it('derives the role ARN from the session ARN when the session issuer is missing', () => {
    expect(principalArnOf(cloudTrailEvent())).toBe('arn:aws:iam::123456789012:role/Engineer');
  });

  it('names IAM users, root and services', () => {
    expect(actorOf(cloudTrailEvent({ userIdentity: iamUserIdentity('bob') }))).toBe('bob');
    expect(actorOf(cloudTrailEvent({ userIdentity: rootIdentity() }))).toBe('root');
    expect(actorOf(cloudTrailEvent({ userIdentity: awsServiceIdentity('config.amazonaws.com') }))).toBe('config.amazonaws.com');
  });

  it('copes with an event that records almost nothing about the caller', () => {
    const bare = { ...cloudTrailEvent(), userIdentity: {}, recipientAccountId: undefined };
    expect(actorOf(bare)).toBe('unknown principal');
    expect(principalArnOf(bare)).toBe('unknown principal');
    expect(accountOf(bare)).toBe('unknown account');
  });

  it("counts calls a service makes on a principal's behalf as service calls", () => {
    expect(isAwsServiceCall(cloudTrailEvent({ userIdentity: { ...assumedRoleIdentity('Deployer', 'x'), invokedBy: 'cloudformation.amazonaws.com' } }))).toBe(
      true,
    );
    expect(isAwsServiceCall(cloudTrailEvent({ userIdentity: { ...iamUserIdentity('bob'), invokedBy: 'AWS Internal' } }))).toBe(false);
    expect(isAwsServiceCall(cloudTrailEvent())).toBe(false);
  });
});
