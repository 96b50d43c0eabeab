import { defineRule } from '../src/detect/rule';
import type { Severity } from '../src/config/severity';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, items, list, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** Ports where exposure to the internet is an incident rather than a design choice. */
const ADMIN_PORTS = [21, 22, 23, 135, 139, 445, 1433, 2375, 2376, 3306, 3389, 5432, 5601, 5900, 6379, 9200, 11211, 27017];
const WEB_PORTS = [80, 443];

interface OpenRange {
  protocol: string;
  fromPort: number;
  toPort: number;
}

function port(value: unknown, fallback: number): number {
  const parsed = Number(text(value));
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

/** A rule from AuthorizeSecurityGroupIngress's ipPermissions (EC2's `{ items }` lists). */
function fromIpPermission(permission: unknown): OpenRange[] {
  const cidrs = [
    ...items(dig(permission, 'ipRanges')).map((range) => text(dig(range, 'cidrIp'))),
    ...items(dig(permission, 'ipv6Ranges')).map((range) => text(dig(range, 'cidrIpv6'))),
  ];
  if (!cidrs.some((cidr) => cidr !== undefined && WORLD.has(cidr))) return [];
  const protocol = text(dig(permission, 'ipProtocol')) ?? '-1';
  return [{ protocol, fromPort: port(dig(permission, 'fromPort'), 0), toPort: port(dig(permission, 'toPort'), 65535) }];
}

/** A rule from ModifySecurityGroupRules, which EC2 logs in its wrapped request form. */
function fromModifiedRule(entry: unknown): OpenRange[] {
  const rule = dig(entry, 'SecurityGroupRule');
  const cidr = text(dig(rule, 'CidrIpv4')) ?? text(dig(rule, 'CidrIpv6'));
  if (cidr === undefined || !WORLD.has(cidr)) return [];
  return [{ protocol: text(dig(rule, 'IpProtocol')) ?? '-1', fromPort: port(dig(rule, 'FromPort'), 0), toPort: port(dig(rule, 'ToPort'), 65535) }];
}

/**
 * The short form of AuthorizeSecurityGroupIngress (`--cidr --port --protocol`, or the SDK's CidrIp /
 * FromPort / ToPort / IpProtocol): CloudTrail logs it with the rule at the top of requestParameters
 * and no ipPermissions at all.
 */
function fromTopLevel(event: CloudTrailEvent): OpenRange[] {
  const cidr = requestText(event, 'cidrIp');
  if (cidr === undefined || !WORLD.has(cidr)) return [];
  return [
    {
      protocol: requestText(event, 'ipProtocol') ?? '-1',
      fromPort: port(requestParam(event, 'fromPort'), 0),
      toPort: port(requestParam(event, 'toPort'), 65535),
    },
  ];
}

/** EC2 wraps lists as `{ items: [...] }`; a plain list is read the same way. */
function ipPermissions(event: CloudTrailEvent): unknown[] {
  const permissions = requestParam(event, 'ipPermissions');
  return Array.isArray(permissions) ? permissions : items(permissions);
}

function openRanges(event: CloudTrailEvent): OpenRange[] {
  if (event.eventName === 'AuthorizeSecurityGroupIngress') return [...fromTopLevel(event), ...ipPermissions(event).flatMap(fromIpPermission)];
  if (event.eventName === 'ModifySecurityGroupRules')
    return list(requestParam(event, 'ModifySecurityGroupRulesRequest', 'SecurityGroupRule')).flatMap(fromModifiedRule);
  return [];
}

/** ICMP rules carry type and code in the port fields (-1 for any), so they say nothing about ports. */
function isIcmp(range: OpenRange): boolean {
  return ['icmp', 'icmpv6', '1', '58'].includes(range.protocol.toLowerCase());
}

function allPorts(range: OpenRange): boolean {
  return range.protocol === '-1' || range.protocol === 'all' || (!isIcmp(range) && range.fromPort <= 0 && range.toPort >= 65535);
}

function covers(range: OpenRange, ports: number[]): boolean {
  return allPorts(range) || (!isIcmp(range) && ports.some((p) => p >= range.fromPort && p <= range.toPort));
}

function describeRange(range: OpenRange): string {
  if (allPorts(range)) return 'all traffic';
  if (isIcmp(range)) return range.protocol;
  return range.fromPort === range.toPort ? `${range.protocol} ${range.fromPort}` : `${range.protocol} ${range.fromPort}-${range.toPort}`;
}

function groupOf(event: CloudTrailEvent): string {
  return (
    requestText(event, 'groupId') ?? requestText(event, 'ModifySecurityGroupRulesRequest', 'GroupId') ?? requestText(event, 'groupName') ?? 'unknown group'
  );
}

function severityOf(event: CloudTrailEvent): Severity {
  const ranges = openRanges(event);
  if (ranges.some((range) => covers(range, ADMIN_PORTS))) return 'HIGH';
  // Web ports open to the world are how public load balancers work, and ping is harmless: worth a note, not a page.
  if (ranges.every((range) => isIcmp(range) || (!allPorts(range) && WEB_PORTS.includes(range.fromPort) && range.fromPort === range.toPort))) return 'LOW';
  return 'MEDIUM';
}

function ingress(groupId: string, permission: Record<string, unknown>): Partial<CloudTrailEvent> {
  return {
    eventName: 'AuthorizeSecurityGroupIngress',
    requestParameters: { groupId, ipPermissions: { items: [{ groups: {}, ipv6Ranges: {}, prefixListIds: {}, ...permission }] } },
  };
}

export default defineRule({
  id: 'AWS.CloudTrail.SecurityGroupOpenToWorld',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A security group rule now accepts inbound traffic from anywhere on the internet (0.0.0.0/0 or ::/0), whether written as ipPermissions, as the short form with a top-level cidrIp, or as a modified rule. Severity is high for administrative and database ports or all traffic, low for web ports alone.',
  runbook:
    "Find what uses the group (EC2 → Security groups → the group → associated resources). If the exposure is not intended (a public load balancer on 80/443 usually is), revoke the rule or narrow it to known addresses, and for SSH/RDP/database ports check the exposed hosts' logs for logins since the change. Ask the actor why; prefer SSM Session Manager over open SSH.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  tags: ['TA0005:T1562.007', 'TA0001:T1190', 'TA0010:T1048'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && succeeded(event) && openRanges(event).length > 0,
  title: (event) =>
    `${actorOf(event)} opened security group ${groupOf(event)} to the internet (${openRanges(event).map(describeRange).join(', ')}) in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${groupOf(event)}`,
  dynamicSeverity: severityOf,
  alertContext: (event) => ({ ...callContext(event), openRanges: openRanges(event) }),
  tests: [
    {
      name: 'SSH opened to 0.0.0.0/0 matches',
      expect: true,
      event: cloudTrailWrite(
        ingress('sg-0123456789abcdef0', {
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          ipRanges: { items: [{ cidrIp: '0.0.0.0/0', description: 'temp debug' }] },
        }),
      ),
    },
    {
      name: 'all traffic opened to ::/0 matches',
      expect: true,
      event: cloudTrailWrite(ingress('sg-0123456789abcdef0', { ipProtocol: '-1', ipRanges: {}, ipv6Ranges: { items: [{ cidrIpv6: '::/0' }] } })),
    },
    {
      name: 'HTTPS opened to the world matches',
      expect: true,
      event: cloudTrailWrite(
        ingress('sg-0fedcba9876543210', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }),
      ),
    },
    {
      name: 'ping opened to the world matches',
      expect: true,
      event: cloudTrailWrite(ingress('sg-0fedcba9876543210', { ipProtocol: 'icmp', fromPort: -1, toPort: -1, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } })),
    },
    {
      name: 'a modified rule widened to 0.0.0.0/0 matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'ModifySecurityGroupRules',
        requestParameters: {
          ModifySecurityGroupRulesRequest: {
            GroupId: 'sg-0123456789abcdef0',
            SecurityGroupRule: {
              SecurityGroupRuleId: 'sgr-0abc',
              SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, CidrIpv4: '0.0.0.0/0' },
              tag: 1,
            },
          },
        },
      }),
    },
    {
      name: 'SSH opened with the short form (top-level cidrIp and ports) matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'AuthorizeSecurityGroupIngress',
        requestParameters: { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' },
      }),
    },
    {
      name: 'the short form with an office range does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'AuthorizeSecurityGroupIngress',
        requestParameters: { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '198.51.100.0/24' },
      }),
    },
    {
      name: 'SSH opened to an office range does not match',
      expect: false,
      event: cloudTrailWrite(
        ingress('sg-0123456789abcdef0', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '198.51.100.0/24' }] } }),
      ),
    },
    {
      name: 'ingress from another security group does not match',
      expect: false,
      event: cloudTrailWrite(
        ingress('sg-0123456789abcdef0', {
          ipProtocol: 'tcp',
          fromPort: 5432,
          toPort: 5432,
          ipRanges: {},
          groups: { items: [{ groupId: 'sg-0aaaabbbbccccdddd' }] },
        }),
      ),
    },
    {
      name: 'egress to the world does not match',
      expect: false,
      event: cloudTrailWrite({
        ...ingress('sg-0123456789abcdef0', { ipProtocol: '-1', ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }),
        eventName: 'AuthorizeSecurityGroupEgress',
      }),
    },
    {
      name: 'a rejected ingress change does not match',
      expect: false,
      event: cloudTrailWrite({
        ...ingress('sg-0123456789abcdef0', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }),
        errorCode: 'Client.InvalidPermission.Duplicate',
      }),
    },
  ],
});
