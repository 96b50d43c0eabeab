import { isIP } from 'node:net';
import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf } from './cloudtrail_fields';
import { cidrMatcher } from './matchers';
import { settings } from './settings';

const isOurNetwork = cidrMatcher([...settings.internalNetworks, ...settings.allowedNetworks]);

/** EC2 names the role session of instance-profile credentials after the instance id. */
function instanceOf(event: CloudTrailEvent): string | undefined {
  return /:assumed-role\/[^/]+\/(i-[0-9a-f]{8,17})$/.exec(event.userIdentity?.arn ?? '')?.[1];
}

/**
 * A call made with an instance's credentials from an address that is not ours: not a private or
 * listed network, not through a VPC endpoint, not AWS acting for the instance. Denied calls count:
 * an attacker trying stolen credentials gets denied a lot.
 */
function usedOffInstance(event: CloudTrailEvent): boolean {
  const address = event.sourceIPAddress ?? '';
  return instanceOf(event) !== undefined && isIP(address) !== 0 && !isOurNetwork(address) && !event.vpcEndpointId && !isAwsServiceCall(event);
}

export default defineRule({
  id: 'AWS.CloudTrail.InstanceCredentialsUsedOffInstance',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'Credentials of an EC2 instance role (session named after the instance) were used from an address outside the organization\'s networks and not through a VPC endpoint: the classic result of SSRF or a compromised host leaking instance-metadata credentials.',
  runbook:
    'Check whether the source IP is one of your own egress addresses (a NAT gateway or an Elastic IP of the instance): if so, add it to allowedNetworks. Otherwise revoke the role\'s sessions ("Revoke active sessions" on the role), investigate the instance for SSRF or compromise, enforce IMDSv2 (HttpTokens required), and review what the credentials did from that address.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html',
  tags: ['TA0006:T1552.005', 'TA0005:T1550.001'],
  rule: usedOffInstance,
  title: (event) => `Credentials of instance ${instanceOf(event) ?? 'unknown'} (${actorOf(event)}) used from ${event.sourceIPAddress ?? 'an unknown address'} to call ${event.eventName} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${event.sourceIPAddress ?? ''}`,
  alertContext: (event) => ({ ...callContext(event), instanceId: instanceOf(event) }),
  tests: [
    { name: 'instance credentials used from the internet match', expect: true, event: cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'), sourceIPAddress: '203.0.113.99', userAgent: 'aws-cli/2.15.0 os/linux' }) },
    { name: 'a denied try from the internet matches', expect: true, event: cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'), sourceIPAddress: '203.0.113.99', errorCode: 'AccessDenied' }) },
    { name: 'the instance calling from its private address does not match', expect: false, event: cloudTrailEvent({ eventName: 'DescribeTags', userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'), sourceIPAddress: '10.0.1.25' }) },
    { name: 'a call through a VPC endpoint does not match', expect: false, event: cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'), sourceIPAddress: '203.0.113.99', vpcEndpointId: 'vpce-0a1b2c3d4e5f67890' }) },
    { name: 'AWS acting for the instance does not match', expect: false, event: cloudTrailEvent({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'), sourceIPAddress: 'AWS Internal' }) },
    { name: 'a person\'s role session does not match', expect: false, event: cloudTrailEvent({ eventName: 'DescribeInstances', userIdentity: assumedRoleIdentity('Engineer', 'alice'), sourceIPAddress: '203.0.113.99' }) },
  ],
});
