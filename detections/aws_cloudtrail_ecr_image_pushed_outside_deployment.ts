import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Tags that production deploys typically pull: overwriting one changes what runs next. */
const RELEASE_TAG = /^(latest|prod|production|stable|release|main|v?\d+\.\d+(\.\d+)?)$/i;

function imageOf(event: CloudTrailEvent): string {
  return `${requestText(event, 'repositoryName') ?? 'unknown'}:${requestText(event, 'imageTag') ?? requestText(event, 'imageDigest') ?? 'untagged'}`;
}

export default defineRule({
  id: 'AWS.CloudTrail.EcrImagePushedOutsideDeployment',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A container image was pushed to ECR by someone other than the build pipeline (deploymentPrincipals). Where images come from CI, a hand-pushed image, especially over a release tag such as latest or a version, can put unreviewed or backdoored code into the next deployment.',
  runbook:
    "Ask the actor why they pushed by hand. If unexpected, compare the image digest with CI's records, re-push the known-good image to the tag, and check which services pulled the new digest. Quiet this rule by listing your CI roles in deploymentPrincipals.",
  reference: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push.html',
  tags: ['TA0003:T1525', 'TA0001:T1195.002'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'ecr.amazonaws.com' &&
    event.eventName === 'PutImage' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} pushed image ${imageOf(event)} outside the build pipeline in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${requestText(event, 'repositoryName') ?? 'unknown'}`,
  dynamicSeverity: (event) => (RELEASE_TAG.test(requestText(event, 'imageTag') ?? '') ? 'MEDIUM' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'a hand-pushed latest tag matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'PutImage',
        requestParameters: { repositoryName: 'orders-api', imageTag: 'latest', registryId: '123456789012' },
      }),
    },
    {
      name: 'CI pushing an image does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'PutImage',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-4411'),
        requestParameters: { repositoryName: 'orders-api', imageTag: 'v1.4.2' },
      }),
    },
    {
      name: 'replication by ECR does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'PutImage',
        userIdentity: awsServiceIdentity('ecr.amazonaws.com'),
        requestParameters: { repositoryName: 'orders-api', imageTag: 'v1.4.2' },
      }),
    },
    {
      name: 'a denied push does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ecr.amazonaws.com',
        eventName: 'PutImage',
        errorCode: 'AccessDeniedException',
        requestParameters: { repositoryName: 'orders-api', imageTag: 'latest' },
      }),
    },
  ],
});
