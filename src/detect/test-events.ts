import type { CloudTrailEvent } from '../logs/cloudtrail';

type UserIdentity = CloudTrailEvent['userIdentity'];

/** The account the default test events come from; detections/settings.ts lists it as in the organization. */
export const TEST_ACCOUNT_ID = '123456789012';

/**
 * A complete, ordinary CloudTrail record for rule tests; pass only the fields the test is about.
 * Top-level fields replace the defaults (pass a whole userIdentity to change the caller).
 */
export function cloudTrailEvent(fields: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-22T10:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    eventID: '5b4c9e2a-0d3f-4a51-9f7e-2d1c0b9a8e7f',
    eventType: 'AwsApiCall',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    recipientAccountId: TEST_ACCOUNT_ID,
    readOnly: true,
    // Kept minimal (no sessionContext) because other tests depend on this exact default caller.
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:alice',
      arn: `arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/Engineer/alice`,
      accountId: TEST_ACCOUNT_ID,
      accessKeyId: 'ASIAEXAMPLE',
    },
    ...fields,
  };
}

/** A write API call (readOnly false, management event): most detections look at these. */
export function cloudTrailWrite(fields: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return cloudTrailEvent({ readOnly: false, managementEvent: true, ...fields });
}

/** The caller as CloudTrail records a role session, including the session issuer rules read the role from. */
export function assumedRoleIdentity(roleName: string, sessionName: string, accountId = TEST_ACCOUNT_ID): UserIdentity {
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLEROLEID:${sessionName}`,
    arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    accountId,
    accessKeyId: 'ASIAEXAMPLESESSION',
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLEROLEID', arn: `arn:aws:iam::${accountId}:role/${roleName}`, accountId, userName: roleName },
      attributes: { creationDate: '2026-11-22T09:30:00Z', mfaAuthenticated: 'false' },
    },
  };
}

export function iamUserIdentity(userName: string, accountId = TEST_ACCOUNT_ID): UserIdentity {
  return {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEUSERID',
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    accountId,
    accessKeyId: 'AKIAEXAMPLEUSERKEY',
    userName,
  };
}

export function rootIdentity(accountId = TEST_ACCOUNT_ID): UserIdentity {
  return { type: 'Root', principalId: accountId, arn: `arn:aws:iam::${accountId}:root`, accountId, accessKeyId: 'ASIAEXAMPLEROOT' };
}

/** An AWS service acting on the account's behalf (CloudFormation, Config, SSM State Manager...). */
export function awsServiceIdentity(invokedBy: string): UserIdentity {
  return { type: 'AWSService', invokedBy };
}
