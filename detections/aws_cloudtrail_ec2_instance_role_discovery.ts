import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, callContext, instanceIdOfSession, principalArnOf, whereOf } from './lib/cloudtrail_fields';

/**
 * Account-wide look-arounds: who exists, what is logged, what is watched, where data is. A workload
 * calls the few APIs its code needs; an attacker on the host walks through these.
 */
const DISCOVERY_CALLS = new Set([
  'sts.amazonaws.com:GetCallerIdentity',
  'iam.amazonaws.com:GetAccountAuthorizationDetails',
  'iam.amazonaws.com:GetAccountSummary',
  'iam.amazonaws.com:ListUsers',
  'iam.amazonaws.com:ListRoles',
  'iam.amazonaws.com:ListGroups',
  'iam.amazonaws.com:ListPolicies',
  'iam.amazonaws.com:ListAccessKeys',
  'iam.amazonaws.com:ListAttachedRolePolicies',
  'iam.amazonaws.com:ListRolePolicies',
  'iam.amazonaws.com:GetRole',
  'iam.amazonaws.com:GetUser',
  's3.amazonaws.com:ListBuckets',
  'ec2.amazonaws.com:DescribeSnapshots',
  'ec2.amazonaws.com:DescribeInstances',
  'ec2.amazonaws.com:DescribeSecurityGroups',
  'ec2.amazonaws.com:DescribeVpcs',
  'ec2.amazonaws.com:DescribeRegions',
  'cloudtrail.amazonaws.com:DescribeTrails',
  'cloudtrail.amazonaws.com:GetTrailStatus',
  'guardduty.amazonaws.com:ListDetectors',
  'securityhub.amazonaws.com:DescribeHub',
  'organizations.amazonaws.com:DescribeOrganization',
  'organizations.amazonaws.com:ListAccounts',
  'secretsmanager.amazonaws.com:ListSecrets',
  'ssm.amazonaws.com:DescribeParameters',
  'lambda.amazonaws.com:ListFunctions20150331',
  'kms.amazonaws.com:ListKeys',
  'rds.amazonaws.com:DescribeDBInstances',
  'dynamodb.amazonaws.com:ListTables',
]);

function discoveryCall(event: CloudTrailEvent): string[] {
  const call = `${event.eventSource}:${event.eventName}`;
  return DISCOVERY_CALLS.has(call) ? [call.replace('.amazonaws.com', '')] : [];
}

function fromInstance(eventSource: string, eventName: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventSource,
    eventName,
    userIdentity: assumedRoleIdentity('web-app-instance-role', 'i-0adc17a5acb70d9ae'),
    sourceIPAddress: '203.0.113.10',
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2InstanceRoleDiscovery',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "An EC2 instance's role made 5 or more different discovery calls within an hour (who am I, list users and roles, buckets, trails, GuardDuty detectors, snapshots…), counting denied ones. Applications call the same few APIs; a sweep of account-wide look-ups from an instance is someone with a shell on it, or its stolen credentials, finding their way around.",
  runbook:
    "See which calls were made (alert: distinct values) and from which address. If the instance runs an inventory or security tool, suppress this rule for its role. Otherwise treat the instance as compromised: isolate it (security group with no rules), snapshot its disk, revoke the role's sessions, and review everything the role did in the window.",
  reference: 'https://attack.mitre.org/techniques/T1580/',
  tags: ['TA0007:T1580', 'TA0007:T1087.004'],
  threshold: 5,
  rule: (event) => instanceIdOfSession(event) !== undefined && discoveryCall(event).length > 0,
  distinctValues: discoveryCall,
  title: (event) => `Instance ${instanceIdOfSession(event) ?? 'unknown'} is running discovery calls with its role in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${instanceIdOfSession(event) ?? ''}`,
  alertContext: (event) => ({ ...callContext(event), instanceId: instanceIdOfSession(event) }),
  tests: [
    { name: 'listing IAM users from an instance counts', expect: true, event: fromInstance('iam.amazonaws.com', 'ListUsers') },
    {
      name: 'a denied authorization-details dump counts',
      expect: true,
      event: fromInstance('iam.amazonaws.com', 'GetAccountAuthorizationDetails', { errorCode: 'AccessDenied' }),
    },
    {
      name: 'the instance doing its job does not count',
      expect: false,
      event: fromInstance('s3.amazonaws.com', 'GetObject', { requestParameters: { bucketName: 'app-assets', key: 'config.json' } }),
    },
    {
      name: 'a person listing users does not count',
      expect: false,
      event: cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', userIdentity: assumedRoleIdentity('Engineer', 'alice') }),
    },
  ],
});
