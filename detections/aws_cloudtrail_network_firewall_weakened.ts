import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isExplicitFalse, list } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** What the call takes away from the firewall; Network Firewall's API names fields in PascalCase. */
function weakening(event: CloudTrailEvent): string | undefined {
  switch (event.eventName) {
    case 'DeleteFirewall':
      return 'deleted network firewall';
    case 'UpdateFirewallDeleteProtection':
      return isExplicitFalse(requestParam(event, 'DeleteProtection')) ? 'turned off delete protection on network firewall' : undefined;
    case 'UpdateFirewallPolicyChangeProtection':
      return isExplicitFalse(requestParam(event, 'FirewallPolicyChangeProtection')) ? 'turned off policy change protection on network firewall' : undefined;
    case 'UpdateLoggingConfiguration':
      return list(requestParam(event, 'LoggingConfiguration', 'LogDestinationConfigs')).length === 0 ? 'turned off logging for network firewall' : undefined;
    default:
      return undefined;
  }
}

function firewallOf(event: CloudTrailEvent): string {
  return requestText(event, 'FirewallName') ?? requestText(event, 'FirewallArn') ?? 'unknown firewall';
}

function isWeakened(event: CloudTrailEvent, settings: DetectionSettings): boolean {
  return (
    event.eventSource === 'network-firewall.amazonaws.com' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings) &&
    weakening(event) !== undefined
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.NetworkFirewallWeakened',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An AWS Network Firewall was deleted, lost its delete or policy-change protection, or had its logging turned off, outside the deployment pipeline. Egress filtering and its record of blocked connections are what stand between a compromised host and its command-and-control server.',
  runbook:
    'Restore the firewall settings from IaC unless the change was planned, and ask the actor why. Review VPC flow logs for outbound connections from the protected subnets since the change. Quiet pipeline changes by listing its roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html',
  tags: ['TA0005:T1562.004', 'TA0005:T1562.008'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) => isWeakened(event, settings),
  title: (event) => `${actorOf(event)} ${weakening(event) ?? 'weakened network firewall'} ${firewallOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${firewallOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'turning off delete protection matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'network-firewall.amazonaws.com',
        eventName: 'UpdateFirewallDeleteProtection',
        requestParameters: { FirewallName: 'egress', DeleteProtection: false },
      }),
    },
    {
      name: 'removing every log destination matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'network-firewall.amazonaws.com',
        eventName: 'UpdateLoggingConfiguration',
        requestParameters: { FirewallName: 'egress', LoggingConfiguration: { LogDestinationConfigs: [] } },
      }),
    },
    {
      name: 'adding a log destination does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'network-firewall.amazonaws.com',
        eventName: 'UpdateLoggingConfiguration',
        requestParameters: {
          FirewallName: 'egress',
          LoggingConfiguration: { LogDestinationConfigs: [{ LogType: 'ALERT', LogDestinationType: 'S3', LogDestination: { bucketName: 'fw-logs' } }] },
        },
      }),
    },
    {
      name: 'the pipeline deleting a firewall does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'network-firewall.amazonaws.com',
        eventName: 'DeleteFirewall',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-9'),
        requestParameters: { FirewallName: 'old-egress' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'network-firewall.amazonaws.com',
        eventName: 'DeleteFirewall',
        errorCode: 'AccessDeniedException',
        requestParameters: { FirewallName: 'egress' },
      }),
    },
  ],
});
