import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf, succeeded } from './lib/cloudtrail_fields';

/**
 * Global services: their calls are recorded in one fixed region (usually us-east-1) whatever the
 * caller's region, so the region says nothing about where resources were made.
 */
const GLOBAL_SOURCES = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'signin.amazonaws.com',
  'organizations.amazonaws.com',
  'cloudfront.amazonaws.com',
  'route53.amazonaws.com',
  'route53domains.amazonaws.com',
  'globalaccelerator.amazonaws.com',
  'shield.amazonaws.com',
  'support.amazonaws.com',
  'health.amazonaws.com',
  'account.amazonaws.com',
  'billingconsole.amazonaws.com',
  'ce.amazonaws.com',
  'sso.amazonaws.com',
  'trustedadvisor.amazonaws.com',
]);

/** With no approved regions configured, no region is judged: the rule stays quiet rather than flag every call. */
function isUnapproved(event: CloudTrailEvent, settings: DetectionSettings): boolean {
  if (settings.approvedRegions.length === 0) return false;
  return event.awsRegion !== undefined && !settings.approvedRegions.includes(event.awsRegion) && !GLOBAL_SOURCES.has(event.eventSource ?? '');
}

const APPROVED = { approvedRegions: ['us-east-1', 'us-west-2', 'eu-west-1'] };

export default defineRule({
  id: 'AWS.CloudTrail.UnapprovedRegionActivity',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A successful write API call in a region the organization does not use (detections.approvedRegions; quiet while that is empty). Attackers launch miners and stash resources in regions nobody watches.',
  runbook:
    "Look at what was created (alert events: RunInstances, CreateFunction, CreateUser-like calls) and by whom. Unless a team has started using the region, terminate what was created, revoke the principal's sessions, and consider an SCP that denies unapproved regions (aws:RequestedRegion).",
  reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
  tags: ['TA0005:T1535'],
  requiresSettings: ['approvedRegions'],
  rule: (event, { settings }) =>
    event.readOnly !== true && succeeded(event) && !isAwsServiceCall(event) && event.eventType !== 'AwsServiceEvent' && isUnapproved(event, settings),
  title: (event) => `${actorOf(event)} called ${event.eventName} in unapproved region ${event.awsRegion} (${accountOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${principalArnOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'launching instances in an unused region matches',
      expect: true,
      settings: APPROVED,
      event: cloudTrailWrite({
        awsRegion: 'ap-southeast-3',
        eventName: 'RunInstances',
        requestParameters: { instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 20, maxCount: 20 }] }, instanceType: 'p4d.24xlarge' },
      }),
    },
    {
      name: 'the same call in an approved region does not match',
      expect: false,
      settings: APPROVED,
      event: cloudTrailWrite({ awsRegion: 'eu-west-1', eventName: 'RunInstances' }),
    },
    {
      name: 'with no approved regions configured, nothing is judged',
      expect: false,
      event: cloudTrailWrite({ awsRegion: 'ap-southeast-3', eventName: 'RunInstances' }),
    },
    {
      name: 'a read in an unused region does not match',
      expect: false,
      settings: APPROVED,
      event: cloudTrailEvent({ awsRegion: 'ap-southeast-3', eventName: 'DescribeInstances', readOnly: true }),
    },
    {
      name: 'a global service recorded in another region does not match',
      expect: false,
      settings: APPROVED,
      event: cloudTrailWrite({ awsRegion: 'ap-south-1', eventSource: 'iam.amazonaws.com', eventName: 'CreateRole' }),
    },
    {
      name: 'a denied write in an unused region does not match',
      expect: false,
      settings: APPROVED,
      event: cloudTrailWrite({ awsRegion: 'ap-southeast-3', eventName: 'RunInstances', errorCode: 'Client.UnauthorizedOperation' }),
    },
    {
      name: 'a service acting in an unused region does not match',
      expect: false,
      settings: APPROVED,
      event: cloudTrailWrite({ awsRegion: 'ap-southeast-3', eventName: 'CreateServiceLinkedRole', userIdentity: awsServiceIdentity('config.amazonaws.com') }),
    },
  ],
});
