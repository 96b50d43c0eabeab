import { isIP } from 'node:net';
import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, callContext, instanceIdOfSession, principalArnOf, whereOf } from './lib/cloudtrail_fields';

/**
 * The address an instance-profile session called from. Calls through a VPC endpoint carry the
 * instance's private address instead of its public one, and AWS services calling on the session's
 * behalf carry a service name; neither says where the credentials are, so neither is counted.
 */
function addressOf(event: CloudTrailEvent): string[] {
  const address = event.sourceIPAddress ?? undefined;
  if (address === undefined || isIP(address) === 0 || event.vpcEndpointId || event.userIdentity?.invokedBy) return [];
  return [address];
}

function instanceCall(address: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({ userIdentity: assumedRoleIdentity('web-app-instance-role', 'i-0a1b2c3d4e5f67890'), sourceIPAddress: address, ...fields });
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2InstanceCredentialsUsedElsewhere',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "The temporary credentials of one EC2 instance (its instance-profile session, named after the instance id) were used from two or more public addresses within an hour. An instance reaches AWS from one address (its own or its NAT gateway's); a second address usually means the credentials were taken from the instance metadata service and used elsewhere.",
  runbook:
    "Compare the addresses (alert: distinct values) with the instance's public IP and its subnet's NAT gateway. An address that is neither (and not the instance's own IPv6 address, for dual-stack endpoints) is someone else using the credentials: revoke the role's active sessions (IAM → role → Revoke active sessions), find how they were taken (SSRF in the application, IMDSv1 still enabled, a shell on the host), require IMDSv2, and review what the credentials did from the foreign address.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
  tags: ['TA0006:T1552.005', 'TA0001:T1078.004'],
  threshold: 2,
  rule: (event) => instanceIdOfSession(event) !== undefined && addressOf(event).length > 0,
  distinctValues: addressOf,
  title: (event) =>
    `Credentials of instance ${instanceIdOfSession(event) ?? 'unknown'} used from several addresses, latest ${event.sourceIPAddress ?? 'unknown'} (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${instanceIdOfSession(event) ?? ''}`,
  alertContext: (event) => ({ ...callContext(event), instanceId: instanceIdOfSession(event) }),
  tests: [
    {
      name: 'a call by an instance session from a public address counts',
      expect: true,
      event: instanceCall('203.0.113.10', { eventSource: 'ssm.amazonaws.com', eventName: 'UpdateInstanceInformation', readOnly: false }),
    },
    {
      name: 'the stolen credentials used from a laptop count as another address',
      expect: true,
      event: instanceCall('192.0.2.66', { eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', userAgent: 'aws-cli/2.15.0' }),
    },
    { name: 'a call through a VPC endpoint is not counted', expect: false, event: instanceCall('10.0.1.25', { vpcEndpointId: 'vpce-0123456789abcdef0' }) },
    {
      name: 'a role session that is not an instance is not counted',
      expect: false,
      event: cloudTrailEvent({ userIdentity: assumedRoleIdentity('Engineer', 'alice'), sourceIPAddress: '192.0.2.66' }),
    },
    { name: 'a service calling for the instance role is not counted', expect: false, event: instanceCall('autoscaling.amazonaws.com') },
  ],
});
