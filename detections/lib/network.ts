import type { NetworkAclEntry } from '../../src/scan/resources/ec2-network-acl';
import type { IpPermission } from '../../src/scan/resources/ec2-security-group';

/** "Anyone on the internet", per address family. */
export const WORLD_CIDRS = ['0.0.0.0/0', '::/0'] as const;

function isWorld(cidr: string | null | undefined): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

/** The permission's world-wide ranges (0.0.0.0/0, ::/0), as DescribeSecurityGroups lists them. */
export function worldRanges(permission: IpPermission): string[] {
  const cidrs = [...(permission.IpRanges ?? []).map((range) => range.CidrIp), ...(permission.Ipv6Ranges ?? []).map((range) => range.CidrIpv6)];
  return cidrs.filter((cidr): cidr is string => isWorld(cidr));
}

/** True when the permission admits TCP on `port` (all-traffic rules admit every port). */
function permissionCovers(permission: IpPermission, port: number): boolean {
  if (permission.IpProtocol === '-1') return true;
  if (permission.IpProtocol !== 'tcp' && permission.IpProtocol !== '6') return false;
  const from = permission.FromPort ?? 0;
  const to = permission.ToPort ?? 65535;
  return port >= from && port <= to;
}

/** The ports (of those given) that a security group's ingress permissions open to the whole internet. */
export function securityGroupPortsOpenToWorld(permissions: readonly IpPermission[] | null, ports: readonly number[]): number[] {
  const open = (permissions ?? []).filter((permission) => worldRanges(permission).length > 0);
  return ports.filter((port) => open.some((permission) => permissionCovers(permission, port)));
}

function entryCovers(entry: NetworkAclEntry, port: number): boolean {
  if (entry.Protocol !== '-1' && entry.Protocol !== '6') return false;
  const range = entry.PortRange;
  return range === null || (port >= (range.From ?? 0) && port <= (range.To ?? 65535));
}

/**
 * The ports (of those given) a network ACL lets in from the whole internet. NACL entries are read in
 * rule-number order and the first that matches decides, so an earlier world-wide deny closes a port
 * that a later allow would open. Entries for narrower ranges decide only for those ranges, and so
 * cannot close a port to the internet as a whole.
 */
export function networkAclPortsOpenToWorld(entries: readonly NetworkAclEntry[] | null, ports: readonly number[]): number[] {
  const ingress = (entries ?? []).filter((entry) => entry.Egress !== true).sort((a, b) => (a.RuleNumber ?? 32767) - (b.RuleNumber ?? 32767));
  return ports.filter((port) =>
    (['CidrBlock', 'Ipv6CidrBlock'] as const).some((family) => {
      const deciding = ingress.find((entry) => isWorld(entry[family]) && entryCovers(entry, port));
      return deciding?.RuleAction === 'allow';
    }),
  );
}

/** "port 22" or "ports 22 and 3389", for titles. */
export function describePorts(ports: readonly number[]): string {
  if (ports.length <= 1) return `port ${ports.join('')}`;
  return `ports ${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
}
