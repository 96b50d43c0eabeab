import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const DELETIONS = new Map([
  ['DeleteConfigRule', 'configRuleName'],
  ['DeleteOrganizationConfigRule', 'organizationConfigRuleName'],
  ['DeleteConformancePack', 'conformancePackName'],
  ['DeleteOrganizationConformancePack', 'organizationConformancePackName'],
  ['DeleteRemediationConfiguration', 'configRuleName'],
]);

/** Rules Security Hub and Control Tower create and remove themselves as standards change. */
const SERVICE_MANAGED = /^(securityhub-|aws-controltower-|AWSControlTower)/;

function targetOf(event: CloudTrailEvent): string {
  return requestText(event, DELETIONS.get(event.eventName ?? '') ?? 'configRuleName') ?? 'unknown';
}

function isDeletion(event: CloudTrailEvent, settings: DetectionSettings): boolean {
  return (
    event.eventSource === 'config.amazonaws.com' &&
    DELETIONS.has(event.eventName ?? '') &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings) &&
    !SERVICE_MANAGED.test(targetOf(event))
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.ConfigRulesDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'AWS Config rules, conformance packs or their automatic remediations were deleted outside the deployment pipeline. The recorder keeps running, so AWS.CloudTrail.ConfigDisabled stays quiet, but the checks that flag public buckets or open security groups (and fix them) are gone.',
  runbook:
    'Restore the rule or pack from IaC unless the removal was planned, and ask the actor why. Check what the rule used to flag: resources changed since its deletion are unchecked. Quiet pipeline changes by listing its roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config.html',
  tags: ['TA0005:T1562.001'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) => isDeletion(event, settings),
  title: (event) => `${actorOf(event)} called ${event.eventName} on ${targetOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting a config rule by hand matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'DeleteConfigRule',
        requestParameters: { configRuleName: 's3-bucket-public-read-prohibited' },
      }),
    },
    {
      name: 'deleting a conformance pack matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'DeleteConformancePack',
        requestParameters: { conformancePackName: 'cis-aws-foundations' },
      }),
    },
    {
      name: 'Security Hub removing its own rule does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'DeleteConfigRule',
        userIdentity: awsServiceIdentity('securityhub.amazonaws.com'),
        requestParameters: { configRuleName: 'securityhub-s3-bucket-public-read-prohibited-a1b2c3' },
      }),
    },
    {
      name: 'the pipeline deleting a rule does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'DeleteConfigRule',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-4'),
        requestParameters: { configRuleName: 'old-tag-check' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'config.amazonaws.com',
        eventName: 'DeleteConfigRule',
        errorCode: 'AccessDeniedException',
        requestParameters: { configRuleName: 's3-bucket-public-read-prohibited' },
      }),
    },
  ],
});
