import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity, rootIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

/** Without a userName the key is for the caller itself. */
function targetUser(event: CloudTrailEvent): string {
  return requestText(event, 'userName') ?? event.userIdentity?.userName ?? 'the caller';
}

function forSomeoneElse(event: CloudTrailEvent): boolean {
  const target = requestText(event, 'userName');
  return target !== undefined && target !== event.userIdentity?.userName;
}

export default defineRule({
  id: 'AWS.CloudTrail.IamAccessKeyCreated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'An access key was created for an IAM user (root keys have their own rule). Keys for someone else are a common persistence step, hence medium severity; a user creating their own key is low.',
  runbook:
    'Ask the key owner whether they asked for a new key. If not, deactivate it (IAM → Users → Security credentials) and search for calls made with it (userIdentity.accessKeyId, alert context). If the actor created it for another user, review how the actor got iam:CreateAccessKey on that user.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  tags: ['TA0003:T1098.001'],
  rule: (event) =>
    event.eventSource === 'iam.amazonaws.com' && event.eventName === 'CreateAccessKey' && event.userIdentity?.type !== 'Root' && succeeded(event),
  title: (event) => `${actorOf(event)} created an access key for ${targetUser(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${targetUser(event)}`,
  dynamicSeverity: (event) => (forSomeoneElse(event) ? 'MEDIUM' : 'LOW'),
  alertContext: (event) => ({
    ...callContext(event),
    accessKeyId: text(dig(event.responseElements, 'accessKey', 'accessKeyId')),
    forSomeoneElse: forSomeoneElse(event),
  }),
  tests: [
    {
      name: 'a key created for another user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        userIdentity: iamUserIdentity('mallory'),
        requestParameters: { userName: 'ci-deployer' },
        responseElements: {
          accessKey: { userName: 'ci-deployer', accessKeyId: 'AKIAEXAMPLENEWKEY', status: 'Active', createDate: 'Nov 22, 2026 10:00:00 AM' },
        },
      }),
    },
    {
      name: 'a user creating their own key matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', userIdentity: iamUserIdentity('bob'), requestParameters: null }),
    },
    {
      name: 'root creating its own key is left to the root rule',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', userIdentity: rootIdentity(), requestParameters: null }),
    },
    {
      name: 'listing keys does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'ListAccessKeys', readOnly: true }),
    },
  ],
});
