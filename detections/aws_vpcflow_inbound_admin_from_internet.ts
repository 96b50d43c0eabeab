import { defineRule } from '../src/detect/rule';
import { vpcFlowEvent } from '../src/detect/test-events';
import type { VpcFlowEvent } from '../src/logs/vpc-flow';
import type { DetectionSettings } from '../src/config/detection-settings';
import { internalMatcher } from './lib/matchers';

const TCP = 6;
const ADMIN_PORTS = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
]);

/**
 * Accepted TCP traffic to port 22/3389 of one of our hosts from an address outside our networks.
 * The reply flow (our port 22 → their ephemeral port) has the admin port as its source, so it
 * never matches and each connection is counted once.
 */
function isInboundAdmin(event: VpcFlowEvent, settings: DetectionSettings): boolean {
  const isInternal = internalMatcher(settings.internalNetworks);
  return (
    event.action === 'ACCEPT' &&
    event.protocol === TCP &&
    ADMIN_PORTS.has(event.dstport ?? -1) &&
    isInternal(event.dstaddr ?? undefined) &&
    !isInternal(event.srcaddr ?? undefined) &&
    event.flow_direction !== 'egress'
  );
}

export default defineRule({
  id: 'AWS.VPCFlow.InboundAdminFromInternet',
  logTypes: ['AWS.VPCFlow'],
  severity: 'HIGH',
  description:
    'An SSH or RDP connection from the internet was accepted by one of our hosts (detections.internalNetworks; private address space while that is empty). Either a security group allows it (see AWS.CloudTrail.SecurityGroupOpenToWorld) or a host is reachable in a way nobody intended; brute force follows within minutes.',
  runbook:
    "Find the instance by interface id and check its security groups and NACLs for the rule that let the connection in; remove it and use SSM Session Manager instead. Check the host's auth logs for logins from the source address, and isolate the host if any succeeded.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html',
  tags: ['TA0001:T1133', 'TA0008:T1021.004'],
  requiresSettings: ['internalNetworks'],
  rule: (event, { settings }) => isInboundAdmin(event, settings),
  title: (event) =>
    `${ADMIN_PORTS.get(event.dstport ?? -1) ?? 'Admin'} from ${event.srcaddr ?? 'unknown'} accepted by ${event.dstaddr ?? 'unknown'} (${event.instance_id ?? event.interface_id ?? 'unknown interface'}) in ${event.account_id ?? 'unknown account'}`,
  // Per exposed host and port: one alert however many scanners knock.
  dedup: (event) => `${event.account_id ?? ''}:${event.dstaddr ?? ''}:${event.dstport ?? ''}`,
  alertContext: (event) => ({
    srcaddr: event.srcaddr,
    dstaddr: event.dstaddr,
    dstport: event.dstport,
    interface: event.interface_id,
    instance: event.instance_id,
    vpc: event.vpc_id,
    packets: event.packets,
    bytes: event.bytes,
  }),
  tests: [
    {
      name: 'accepted SSH from the internet matches',
      expect: true,
      event: vpcFlowEvent({ srcaddr: '192.0.2.200', srcport: 51022, dstaddr: '10.0.1.25', dstport: 22, flow_direction: 'ingress' }),
    },
    {
      name: 'accepted RDP from the internet in the default format (no direction) matches',
      expect: true,
      event: vpcFlowEvent({
        version: 2,
        srcaddr: '192.0.2.200',
        srcport: 61000,
        dstaddr: '172.16.4.9',
        dstport: 3389,
        flow_direction: undefined,
        vpc_id: undefined,
        instance_id: undefined,
      }),
    },
    {
      name: 'rejected SSH from the internet does not match',
      expect: false,
      event: vpcFlowEvent({ srcaddr: '192.0.2.200', srcport: 51022, dstaddr: '10.0.1.25', dstport: 22, action: 'REJECT', flow_direction: 'ingress' }),
    },
    {
      name: 'SSH between internal hosts does not match',
      expect: false,
      event: vpcFlowEvent({ srcaddr: '10.0.2.10', dstaddr: '10.0.1.25', dstport: 22, flow_direction: 'ingress' }),
    },
    {
      name: "the SSH server's reply flow does not match",
      expect: false,
      event: vpcFlowEvent({ srcaddr: '10.0.1.25', srcport: 22, dstaddr: '192.0.2.200', dstport: 51022, flow_direction: 'egress' }),
    },
    {
      name: 'a NODATA record does not match',
      expect: false,
      event: vpcFlowEvent({
        srcaddr: null,
        dstaddr: null,
        srcport: null,
        dstport: null,
        protocol: null,
        packets: null,
        bytes: null,
        action: null,
        log_status: 'NODATA',
      }),
    },
  ],
});
