import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity, rootIdentity } from '../src/detect/test-events';
import { dig, text } from './lib/fields';
import { accountOf, callContext, requestText } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.RootAccessKeyCreated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'CRITICAL',
  description:
    'An access key was created for the root user. A root key is an unrestricted, long-lived credential that no SCP can limit; AWS advises never having one.',
  runbook:
    'Call the account owner now. If nobody planned this: delete the key (IAM console → Security credentials as root), reset the root password and MFA, then review every call made with the new key id (search userIdentity.accessKeyId) and everything root did in this session. Even if planned, agree a date to delete it.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html',
  tags: ['TA0003:T1098.001', 'TA0004:T1078.004'],
  // Root calling CreateAccessKey with a userName creates a key for that IAM user, not for root.
  rule: (event) =>
    event.eventName === 'CreateAccessKey' && event.userIdentity?.type === 'Root' && !event.errorCode && requestText(event, 'userName') === undefined,
  title: (event) => `Root access key created in ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `root-key:${accountOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), accessKeyId: text(dig(event.responseElements, 'accessKey', 'accessKeyId')) }),
  tests: [
    {
      name: 'root creating its own access key matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        userIdentity: rootIdentity(),
        requestParameters: null,
        responseElements: {
          accessKey: { accessKeyId: 'AKIAEXAMPLEROOTKEY', status: 'Active', userName: '123456789012', createDate: 'Nov 22, 2026 10:00:00 AM' },
        },
      }),
    },
    {
      name: 'root creating a key for an IAM user does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        userIdentity: rootIdentity(),
        requestParameters: { userName: 'deploy-bot' },
      }),
    },
    {
      name: 'a failed root key creation does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        userIdentity: rootIdentity(),
        errorCode: 'LimitExceeded',
        errorMessage: 'Cannot exceed quota for AccessKeysPerUser: 2',
      }),
    },
    {
      name: 'an IAM user creating their own key does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        userIdentity: iamUserIdentity('alice'),
        requestParameters: { userName: 'alice' },
      }),
    },
  ],
});
