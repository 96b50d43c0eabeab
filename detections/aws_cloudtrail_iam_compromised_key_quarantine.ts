import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

const ATTACH_CALLS = new Set(['AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy']);

/**
 * AWS reacts to an access key it finds published (GitHub, paste sites) in two ways: it attaches
 * the AWSCompromisedKeyQuarantine managed policy (V1, V2, V3…) to the key's user, and in older
 * accounts it adds an inline AWSExposedCredentialPolicy_DO_NOT_REMOVE. Either means the key leaked.
 */
function quarantineOf(event: CloudTrailEvent): string | undefined {
  const name = event.eventName ?? '';
  if (ATTACH_CALLS.has(name)) {
    const arn = requestText(event, 'policyArn') ?? '';
    return /^arn:aws[a-z-]*:iam::aws:policy\/AWSCompromisedKeyQuarantine(V\d+)?$/.test(arn) ? arn.split('/').pop() : undefined;
  }
  if (name === 'PutUserPolicy' && requestText(event, 'policyName') === 'AWSExposedCredentialPolicy_DO_NOT_REMOVE')
    return 'AWSExposedCredentialPolicy_DO_NOT_REMOVE';
  return undefined;
}

function ownerOf(event: CloudTrailEvent): string {
  return requestText(event, 'userName') ?? requestText(event, 'roleName') ?? requestText(event, 'groupName') ?? 'unknown identity';
}

export default defineRule({
  id: 'AWS.CloudTrail.IamCompromisedKeyQuarantine',
  logTypes: ['AWS.CloudTrail'],
  severity: 'CRITICAL',
  description:
    'AWS attached its compromised-key quarantine policy to an identity: AWS found one of its access keys exposed in public (a GitHub commit, a paste site). The quarantine blocks some actions only; the key still works for the rest.',
  runbook:
    'Treat the key as stolen. Deactivate and delete it (the AWS Health / support case names it), create a new one for the owner, and remove the code or config that leaked it. Review everything the key did since it was published (CloudTrail by accessKeyId), especially RunInstances in any region, new IAM users or keys, and reads of secrets. Leave the quarantine policy in place until you have finished.',
  reference: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCompromisedKeyQuarantineV3.html',
  tags: ['TA0006:T1552.001', 'TA0001:T1078.004'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && succeeded(event) && quarantineOf(event) !== undefined,
  title: (event) => `AWS quarantined a leaked access key of ${ownerOf(event)} in ${accountOf(event)} (${quarantineOf(event) ?? 'quarantine policy'})`,
  dedup: (event) => `${accountOf(event)}:${ownerOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), quarantinePolicy: quarantineOf(event) }),
  tests: [
    {
      name: 'the V2 quarantine policy attached to a user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachUserPolicy',
        userIdentity: { type: 'AWSAccount', principalId: 'AIDAEXAMPLE', accountId: '000000000000' },
        requestParameters: { userName: 'ci-deployer', policyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2' },
      }),
    },
    {
      name: 'the V3 quarantine policy matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachUserPolicy',
        requestParameters: { userName: 'ci-deployer', policyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3' },
      }),
    },
    {
      name: 'the legacy exposed-credential inline policy matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutUserPolicy',
        requestParameters: { userName: 'ci-deployer', policyName: 'AWSExposedCredentialPolicy_DO_NOT_REMOVE', policyDocument: '{}' },
      }),
    },
    {
      name: 'attaching another AWS managed policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachUserPolicy',
        requestParameters: { userName: 'ci-deployer', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      }),
    },
    {
      name: 'detaching the quarantine policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'DetachUserPolicy',
        requestParameters: { userName: 'ci-deployer', policyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2' },
      }),
    },
  ],
});
