import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { vpcFlowEvent } from '../src/detect/test-events';
import type { VpcFlowEvent } from '../src/logs/vpc-flow';
import type { DetectionSettings } from '../src/config/detection-settings';
import { internalMatcher } from './lib/matchers';

/** DNS, HTTP, NTP and HTTPS: what almost every host needs, expected until detections.expectedEgressPorts says otherwise. */
const FALLBACK_EGRESS_PORTS: readonly number[] = [53, 80, 123, 443];
const TCP = 6;
const UDP = 17;
/** Where Linux (32768+) and Windows (49152+) pick client ports from. */
const EPHEMERAL_FROM = 32768;
/** Ports of mining pools and common reverse shells / C2 defaults. */
const SUSPICIOUS_PORTS = new Set([3333, 4444, 5555, 6666, 6667, 7777, 14433, 14444, 45560, 45700]);

/**
 * An internal host opening a connection to an internet address on a port outside
 * detections.expectedEgressPorts. Flow records carry no "who started it", so a client is recognised
 * by its ephemeral source port talking to a non-ephemeral destination port; this keeps the replies
 * of our own servers (source 443 → client's ephemeral port) out.
 */
function isUnusualEgress(event: VpcFlowEvent, settings: DetectionSettings): boolean {
  const isInternal = internalMatcher(settings.internalNetworks);
  const expectedPorts = settings.expectedEgressPorts.length > 0 ? settings.expectedEgressPorts : FALLBACK_EGRESS_PORTS;
  const srcport = event.srcport ?? -1;
  const dstport = event.dstport ?? -1;
  return (
    event.action === 'ACCEPT' &&
    (event.protocol === TCP || event.protocol === UDP) &&
    event.flow_direction !== 'ingress' &&
    isInternal(event.srcaddr ?? undefined) &&
    !isInternal(event.dstaddr ?? undefined) &&
    srcport >= EPHEMERAL_FROM &&
    dstport >= 0 &&
    dstport < EPHEMERAL_FROM &&
    !expectedPorts.includes(dstport)
  );
}

function severityOf(event: VpcFlowEvent): Severity {
  return SUSPICIOUS_PORTS.has(event.dstport ?? -1) ? 'MEDIUM' : 'LOW';
}

export default defineRule({
  id: 'AWS.VPCFlow.UnusualEgressPort',
  logTypes: ['AWS.VPCFlow'],
  severity: 'LOW',
  description:
    'An internal host connected to an internet address on a port outside detections.expectedEgressPorts (53, 80, 123 and 443 while that is empty): a new dependency, or malware calling home, tunnelling, or mining (ports used by mining pools and reverse shells are medium severity).',
  runbook:
    'Identify the instance (interface id) and the process holding the connection (on the host: ss -tnp / netstat). Look up the destination address. If nothing on the host should talk to it, isolate the instance, capture memory/disk for forensics, and review how it was compromised. If it is a legitimate dependency, add the port to detections.expectedEgressPorts in prowl.config.yml or restrict egress in the security group.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html',
  tags: ['TA0011:T1571', 'TA0010:T1048'],
  requiresSettings: ['internalNetworks', 'expectedEgressPorts'],
  rule: (event, { settings }) => isUnusualEgress(event, settings),
  title: (event) =>
    `${event.srcaddr ?? 'unknown'} (${event.instance_id ?? event.interface_id ?? 'unknown interface'}) connected to ${event.dstaddr ?? 'unknown'} on unusual port ${event.protocol === UDP ? 'udp' : 'tcp'}/${event.dstport ?? '?'}`,
  dedup: (event) => `${event.account_id ?? ''}:${event.srcaddr ?? ''}:${event.dstport ?? ''}`,
  dynamicSeverity: severityOf,
  alertContext: (event) => ({
    srcaddr: event.srcaddr,
    dstaddr: event.dstaddr,
    dstport: event.dstport,
    protocol: event.protocol,
    interface: event.interface_id,
    instance: event.instance_id,
    bytes: event.bytes,
  }),
  tests: [
    { name: 'a connection to a mining pool port matches', expect: true, event: vpcFlowEvent({ dstaddr: '198.18.7.7', dstport: 3333, srcport: 50512 }) },
    {
      name: 'a connection to an uncommon port in the default format matches',
      expect: true,
      event: vpcFlowEvent({ version: 2, dstport: 8443, srcport: 40001, flow_direction: undefined, vpc_id: undefined, instance_id: undefined }),
    },
    { name: 'HTTPS to the internet does not match', expect: false, event: vpcFlowEvent() },
    { name: 'our web server replying to a client does not match', expect: false, event: vpcFlowEvent({ srcport: 443, dstport: 51514, dstaddr: '192.0.2.50' }) },
    { name: 'traffic between internal hosts does not match', expect: false, event: vpcFlowEvent({ dstaddr: '10.0.9.9', dstport: 5432 }) },
    { name: 'a rejected connection does not match', expect: false, event: vpcFlowEvent({ dstport: 4444, action: 'REJECT' }) },
  ],
});
