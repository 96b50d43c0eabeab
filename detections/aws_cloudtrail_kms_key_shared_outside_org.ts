import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './lib/fields';
import {
  accountOf,
  actorOf,
  callContext,
  isAwsServiceCall,
  isOrganizationAccount,
  requestParam,
  requestText,
  resourcePolicyOutsiders,
  succeeded,
  whereOf,
} from './lib/cloudtrail_fields';

const POLICY_CALLS = new Set(['PutKeyPolicy', 'CreateKey']);

/** A key policy that lets outsiders in, or a grant whose grantee lives in another account. */
function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  if (POLICY_CALLS.has(event.eventName ?? '')) return resourcePolicyOutsiders(requestParam(event, 'policy'), event, settings);
  // Services (EBS, RDS, Lambda…) create grants for their own use while serving a request; only grants people make are a share.
  if (event.eventName === 'CreateGrant' && !isAwsServiceCall(event)) {
    const account = principalAccount(requestText(event, 'granteePrincipal') ?? '');
    return account !== undefined && !isOrganizationAccount(account, event, settings) ? [account] : [];
  }
  return [];
}

function keyOf(event: CloudTrailEvent): string {
  return requestText(event, 'keyId') ?? (event.eventName === 'CreateKey' ? 'a new key' : 'unknown key');
}

function keyPolicy(principal: unknown): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Enable IAM policies', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Use', Effect: 'Allow', Principal: principal, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' },
    ],
  });
}

const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export default defineRule({
  id: 'AWS.CloudTrail.KmsKeySharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A KMS key policy now lets everyone, or an account outside the organization, use the key, or a grant was given to a principal in another account. Whoever can decrypt with the key can read every snapshot, secret and object it protects once they get a copy.',
  runbook:
    'Read the policy or grant (alert context). Unless the outside account is a known partner, restore the previous key policy or revoke the grant (`aws kms revoke-grant`). Then look for snapshots, AMIs or objects encrypted with this key that were shared or copied out around the same time.',
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  tags: ['TA0010:T1537', 'TA0003:T1098'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'kms.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} let ${outsiders(event, settings).join(', ')} use KMS key ${keyOf(event)} (${event.eventName}) in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${keyOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a key policy letting an outside account decrypt matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'PutKeyPolicy',
        requestParameters: { keyId: KEY, policyName: 'default', policy: keyPolicy({ AWS: 'arn:aws:iam::444455556666:root' }) },
      }),
    },
    {
      name: 'a key anyone can use matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'PutKeyPolicy',
        requestParameters: { keyId: KEY, policyName: 'default', policy: keyPolicy('*') },
      }),
    },
    {
      name: 'a grant to a role in an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'CreateGrant',
        requestParameters: { keyId: KEY, granteePrincipal: 'arn:aws:iam::444455556666:role/copier', operations: ['Decrypt', 'CreateGrant'] },
      }),
    },
    {
      name: 'a grant a service makes while serving a request does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'CreateGrant',
        userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' },
        requestParameters: { keyId: KEY, granteePrincipal: 'arn:aws:iam::444455556666:role/service-owned', operations: ['Decrypt'] },
      }),
    },
    {
      name: 'the default key policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'CreateKey',
        requestParameters: { keyUsage: 'ENCRYPT_DECRYPT', policy: keyPolicy({ AWS: 'arn:aws:iam::123456789012:role/orders-api' }) },
      }),
    },
    {
      name: 'a grant to a service role of this account does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'CreateGrant',
        requestParameters: {
          keyId: KEY,
          granteePrincipal: 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
          operations: ['Decrypt'],
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'PutKeyPolicy',
        errorCode: 'AccessDeniedException',
        requestParameters: { keyId: KEY, policy: keyPolicy('*') },
      }),
    },
  ],
});
