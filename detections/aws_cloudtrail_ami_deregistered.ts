import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function imageOf(event: CloudTrailEvent): string[] {
  const image = requestText(event, 'imageId');
  return image === undefined ? [] : [image];
}

function deregister(imageId: string, fields: Parameters<typeof cloudTrailWrite>[0] = {}): ReturnType<typeof cloudTrailWrite> {
  return cloudTrailWrite({ eventName: 'DeregisterImage', requestParameters: { imageId }, ...fields });
}

export default defineRule({
  id: 'AWS.CloudTrail.AmiDeregistered',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An AMI was deregistered by someone other than the deployment pipeline (detections.deploymentPrincipals, or CloudFormation). Images are what instances and auto scaling groups are rebuilt from; deleting them is an impact step that makes recovery slow, and pipelines, not people, retire images.',
  runbook:
    "Ask the actor why. If unplanned: check whether the image's snapshots still exist (deregistering keeps them unless deleted too) and re-register it from them, then check auto scaling groups and launch templates that referenced it. Several images gone at once (see the alert's distinct values over the hour) is destruction: revoke the sessions first.",
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/deregister-ami.html',
  tags: ['TA0040:T1485'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'ec2.amazonaws.com' &&
    event.eventName === 'DeregisterImage' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  distinctValues: imageOf,
  title: (event) => `${actorOf(event)} deregistered AMI ${imageOf(event)[0] ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: callContext,
  tests: [
    { name: 'a person deregistering an image matches', expect: true, event: deregister('ami-0a1b2c3d4e5f67890') },
    {
      name: 'the image pipeline retiring an image does not match',
      expect: false,
      settings: { deploymentPrincipals: ['arn:aws:iam::*:role/ImageBuilderCleanup'] },
      event: deregister('ami-0a1b2c3d4e5f67890', { userIdentity: assumedRoleIdentity('ImageBuilderCleanup', 'nightly') }),
    },
    {
      name: 'registering an image does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'RegisterImage', requestParameters: { name: 'web-2026-11-22' } }),
    },
    {
      name: 'a denied deregistration does not match',
      expect: false,
      event: deregister('ami-0a1b2c3d4e5f67890', { errorCode: 'Client.UnauthorizedOperation' }),
    },
  ],
});
