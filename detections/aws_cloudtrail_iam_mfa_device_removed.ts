import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

const REMOVALS = new Set(['DeactivateMFADevice', 'DeleteVirtualMFADevice']);

/** DeleteVirtualMFADevice names only the serial, whose ARN ends with the device (usually the user) name. */
function ownerOf(event: CloudTrailEvent): string {
  return requestText(event, 'userName') ?? requestText(event, 'serialNumber')?.split('/').pop() ?? 'unknown user';
}

export default defineRule({
  id: 'AWS.CloudTrail.IamMfaDeviceRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An MFA device was deactivated or deleted, leaving the user (or root) protected by a password alone, or clearing the way for an attacker to register their own device.',
  runbook:
    "Ask the user whether they replaced their device. Check for an EnableMFADevice soon after and from the same address; a new device registered by someone else means takeover. If not them: disable the user's console password and keys, then investigate the actor.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_disable.html',
  tags: ['TA0005:T1556.006', 'TA0003:T1098'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && REMOVALS.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} removed the MFA device of ${ownerOf(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${ownerOf(event)}`,
  dynamicSeverity: (event) =>
    event.userIdentity?.type === 'Root' || requestText(event, 'serialNumber')?.endsWith(':mfa/root-account-mfa-device') ? 'HIGH' : 'MEDIUM',
  alertContext: callContext,
  tests: [
    {
      name: "deactivating a user's MFA matches",
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'DeactivateMFADevice',
        userIdentity: iamUserIdentity('mallory'),
        requestParameters: { userName: 'bob', serialNumber: 'arn:aws:iam::123456789012:mfa/bob' },
      }),
    },
    {
      name: 'deleting a virtual device matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'DeleteVirtualMFADevice',
        requestParameters: { serialNumber: 'arn:aws:iam::123456789012:mfa/bob' },
      }),
    },
    {
      name: 'enabling MFA does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'EnableMFADevice',
        requestParameters: { userName: 'bob', serialNumber: 'arn:aws:iam::123456789012:mfa/bob' },
      }),
    },
  ],
});
