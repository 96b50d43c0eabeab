import type { CloudTrailEvent } from '../logs/cloudtrail';
import type { GuardDutyEvent } from '../logs/guardduty';
import type { S3ServerAccessEvent } from '../logs/s3-server-access';
import type { VpcFlowEvent } from '../logs/vpc-flow';

type UserIdentity = CloudTrailEvent['userIdentity'];

/** The named fields of a type, without its catch-all index signature. */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/** VPC flow fields by name; the type's catch-all for unknown header fields is no use to a test. */
type VpcFlowFields = Pick<VpcFlowEvent, KnownKeys<VpcFlowEvent>>;

/** The account the default test events come from (and happen in, so rules count it as inside the organization with no settings). */
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

/**
 * One S3 server access log record as the AWS.S3ServerAccess parser produces it: a signed,
 * successful GET of an object over TLS by a role session. Pass the fields the test is about.
 */
export function s3AccessEvent(fields: Partial<S3ServerAccessEvent> = {}): S3ServerAccessEvent {
  return {
    bucketowner: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    bucket: 'acme-prod-orders-data',
    time: '2026-11-22T10:00:00.000Z',
    remoteip: '10.20.30.40',
    requester: `arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/DataPipeline/i-0123456789abcdef0`,
    requestid: '3E57427F33A59F07',
    operation: 'REST.GET.OBJECT',
    key: 'exports/2026/11/22/orders.parquet',
    requesturi: 'GET /exports/2026/11/22/orders.parquet HTTP/1.1',
    httpstatus: 200,
    errorcode: null,
    bytessent: 1048576,
    objectsize: 1048576,
    totaltime: 70,
    turnaroundtime: 10,
    referrer: null,
    useragent: 'aws-sdk-java/2.25.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17',
    versionid: null,
    hostid: 's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
    signatureversion: 'SigV4',
    ciphersuite: 'ECDHE-RSA-AES128-GCM-SHA256',
    authenticationtype: 'AuthHeader',
    hostheader: 'acme-prod-orders-data.s3.us-east-1.amazonaws.com',
    tlsversion: 'TLSv1.2',
    accesspointarn: null,
    aclrequired: null,
    ...fields,
  };
}

/**
 * One VPC flow log record (default v2 fields plus the v5 direction) as the AWS.VPCFlow parser
 * produces it: an accepted HTTPS connection from an internal host to the internet.
 */
export function vpcFlowEvent(fields: Partial<VpcFlowFields> = {}): VpcFlowEvent {
  // The type's catch-all (unknown header fields are strings) clashes with its numeric fields in
  // TypeScript's eyes, so no object literal satisfies it without a cast; the rule tests still
  // validate the event through the real schema.
  return {
    version: 5,
    account_id: TEST_ACCOUNT_ID,
    interface_id: 'eni-0a1b2c3d4e5f67890',
    srcaddr: '10.0.1.25',
    dstaddr: '203.0.113.80',
    srcport: 49152,
    dstport: 443,
    protocol: 6,
    packets: 10,
    bytes: 5400,
    start: 1795341600,
    end: 1795341660,
    action: 'ACCEPT',
    log_status: 'OK',
    vpc_id: 'vpc-0abc1234def567890',
    instance_id: 'i-0123456789abcdef0',
    flow_direction: 'egress',
    ...fields,
  } as VpcFlowEvent;
}

/** A GuardDuty finding as EventBridge delivers it in `detail`: a high-severity EC2 finding. */
export function guardDutyFinding(fields: Partial<GuardDutyEvent> = {}): GuardDutyEvent {
  return {
    schemaVersion: '2.0',
    accountId: TEST_ACCOUNT_ID,
    region: 'us-east-1',
    partition: 'aws',
    id: '16afba5c5c43e07c9e3e5e2e544e95df',
    arn: `arn:aws:guardduty:us-east-1:${TEST_ACCOUNT_ID}:detector/12abc34d567e8fa901bc2d34e56789f0/finding/16afba5c5c43e07c9e3e5e2e544e95df`,
    type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    resource: {
      resourceType: 'Instance',
      instanceDetails: { instanceId: 'i-0123456789abcdef0', instanceType: 'm5.large', tags: [{ key: 'Name', value: 'orders-api' }] },
    },
    service: {
      serviceName: 'guardduty',
      detectorId: '12abc34d567e8fa901bc2d34e56789f0',
      action: { actionType: 'DNS_REQUEST', dnsRequestAction: { domain: 'xmr.pool.minergate.com', protocol: 'UDP', blocked: false } },
      archived: false,
      count: 4,
      eventFirstSeen: '2026-11-22T09:40:00.000Z',
      eventLastSeen: '2026-11-22T09:58:00.000Z',
    },
    severity: 8,
    createdAt: '2026-11-22T09:45:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    title: 'EC2 instance i-0123456789abcdef0 is querying a domain name that is associated with Bitcoin-related activity.',
    description: 'EC2 instance i-0123456789abcdef0 is querying a domain name that is associated with Bitcoin-related activity.',
    ...fields,
  };
}

/**
 * Organisation settings rule tests can run with: the test account and one sibling account inside
 * the organization, and the pipeline roles the test events use for deployments.
 */
export const TEST_SETTINGS = {
  organizationAccountIds: [TEST_ACCOUNT_ID, '111122223333'],
  deploymentPrincipals: ['arn:aws:iam::*:role/GitHubActionsDeploy', 'arn:aws:iam::*:role/cdk-*'],
};
