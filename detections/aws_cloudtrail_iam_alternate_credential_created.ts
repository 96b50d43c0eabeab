import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

/** Credentials besides passwords and access keys that IAM issues to a user, each a separate way in. */
const CREDENTIALS = new Map([
  ['CreateServiceSpecificCredential', 'a service-specific credential (CodeCommit / Keyspaces / Bedrock API key)'],
  ['UploadSSHPublicKey', 'an SSH public key (CodeCommit)'],
  ['UploadSigningCertificate', 'an X.509 signing certificate'],
]);

function targetUser(event: CloudTrailEvent): string {
  return requestText(event, 'userName') ?? event.userIdentity?.userName ?? 'unknown user';
}

export default defineRule({
  id: 'AWS.CloudTrail.IamAlternateCredentialCreated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An IAM user was given a credential other than a password or access key: a service-specific credential, an SSH key for CodeCommit, or a signing certificate. These are rarely reviewed, survive access-key rotation, and make quiet persistence.',
  runbook:
    'Ask the user (and the actor, if different) whether they need it. If not, delete it (`aws iam delete-service-specific-credential`, `delete-ssh-public-key`, `delete-signing-certificate`) and review what the actor did around the same time. Creating one for another user is the suspicious case.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_ssh-keys.html',
  tags: ['TA0003:T1098.001'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && CREDENTIALS.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} created ${CREDENTIALS.get(event.eventName ?? '') ?? 'a credential'} for ${targetUser(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${targetUser(event)}`,
  dynamicSeverity: (event) =>
    requestText(event, 'userName') !== undefined && requestText(event, 'userName') !== event.userIdentity?.userName ? 'HIGH' : 'MEDIUM',
  alertContext: callContext,
  tests: [
    {
      name: 'a service-specific credential for another user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateServiceSpecificCredential',
        requestParameters: { userName: 'svc-reports', serviceName: 'codecommit.amazonaws.com' },
      }),
    },
    {
      name: 'a user uploading their own SSH key matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UploadSSHPublicKey',
        userIdentity: iamUserIdentity('bob'),
        requestParameters: { userName: 'bob', sSHPublicKeyBody: 'ssh-rsa AAAA…' },
      }),
    },
    {
      name: 'listing SSH keys does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'ListSSHPublicKeys', readOnly: true, requestParameters: { userName: 'bob' } }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateServiceSpecificCredential',
        errorCode: 'AccessDenied',
        requestParameters: { userName: 'svc-reports', serviceName: 'codecommit.amazonaws.com' },
      }),
    },
  ],
});
