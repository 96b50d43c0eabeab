import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

function targetUser(event: CloudTrailEvent): string {
  return requestText(event, 'userName') ?? event.userIdentity?.userName ?? 'the caller';
}

export default defineRule({
  id: 'AWS.CloudTrail.IamAccessKeyActivated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A deactivated access key was made active again. Keys are deactivated for a reason (rotation, a leak, a leaver); turning one back on revives a credential that may be in someone else's hands.",
  runbook:
    'Find why the key was deactivated (earlier UpdateAccessKey events, tickets). If it was leaked or belonged to a leaver, deactivate it again and delete it, then review calls made with it since reactivation.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html',
  tags: ['TA0003:T1098.001'],
  rule: (event) =>
    event.eventSource === 'iam.amazonaws.com' && event.eventName === 'UpdateAccessKey' && requestText(event, 'status') === 'Active' && succeeded(event),
  title: (event) => `${actorOf(event)} reactivated access key ${requestText(event, 'accessKeyId') ?? 'unknown'} of ${targetUser(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'accessKeyId') ?? targetUser(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'reactivating a key matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAccessKey',
        requestParameters: { userName: 'ci-deployer', accessKeyId: 'AKIAEXAMPLEOLDKEY', status: 'Active' },
      }),
    },
    {
      name: 'deactivating a key does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAccessKey',
        requestParameters: { userName: 'ci-deployer', accessKeyId: 'AKIAEXAMPLEOLDKEY', status: 'Inactive' },
      }),
    },
  ],
});
