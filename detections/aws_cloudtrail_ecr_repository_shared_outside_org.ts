import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

/** A repository policy, or the registry-wide policy (which can let another account replicate every repository). */
const POLICY_CALLS = new Set(['SetRepositoryPolicy', 'PutRegistryPolicy']);

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return POLICY_CALLS.has(event.eventName ?? '') ? resourcePolicyOutsiders(requestParam(event, 'policyText'), event, settings) : [];
}

function targetOf(event: CloudTrailEvent): string {
  const repository = requestText(event, 'repositoryName');
  return repository ? `ECR repository ${repository}` : 'the ECR registry';
}

function policy(principal: unknown, actions: string[] = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: principal, Action: actions }] });
}

export default defineRule({
  id: 'AWS.CloudTrail.EcrRepositorySharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An ECR repository or registry policy now lets everyone, or an account outside the organization, pull (or push) images. Images carry code and often baked-in secrets; push access lets an outsider plant a backdoored image.',
  runbook:
    "Read the policy (alert context). Unless the outside account is a known consumer, restore the previous policy. If push actions were granted, compare image digests with your CI's records and redeploy from known-good images. Scan the repository's images for secrets that would now need rotating.",
  reference: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html',
  tags: ['TA0010:T1537', 'TA0009:T1530'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'ecr.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} opened ${targetOf(event)} to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${targetOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a repository anyone can pull from matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'SetRepositoryPolicy',
        requestParameters: { repositoryName: 'orders-api', policyText: policy('*'), force: false },
      }),
    },
    {
      name: 'a registry policy letting an outside account replicate matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'PutRegistryPolicy',
        requestParameters: { policyText: policy({ AWS: 'arn:aws:iam::444455556666:root' }, ['ecr:CreateRepository', 'ecr:ReplicateImage']) },
      }),
    },
    {
      name: 'pulls by an organization account do not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'SetRepositoryPolicy',
        requestParameters: { repositoryName: 'orders-api', policyText: policy({ AWS: 'arn:aws:iam::111122223333:root' }) },
      }),
    },
    {
      name: 'pushing an image does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'PutImage',
        requestParameters: { repositoryName: 'orders-api', imageTag: 'v1.2.3' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'SetRepositoryPolicy',
        errorCode: 'AccessDeniedException',
        requestParameters: { repositoryName: 'orders-api', policyText: policy('*') },
      }),
    },
  ],
});
