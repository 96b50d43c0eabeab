import { isIPv4, isIPv6 } from 'node:net';

/**
 * CIDR ranges for the `cidr` modifier. Addresses are compared as numbers: IPv4 as a 32-bit integer,
 * IPv6 as a BigInt. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, as some proxies log it) is
 * compared as the IPv4 address it carries.
 */
export type IpTest = (text: string) => boolean;

type Address = { family: 4; value: number } | { family: 6; value: bigint };

function ipv4Value(text: string): number {
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function ipv6Value(text: string): bigint {
  let address = text;
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  // An embedded IPv4 tail becomes two hextets so the rest is uniform.
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Value(tail);
    address = `${address.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = rest === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

const MAPPED_V4_PREFIX = 0xffffn << 32n;

/** Parses an address; undefined when the text is not one (CloudTrail logs `AWS Internal` and service names here). */
export function parseAddress(text: string): Address | undefined {
  if (isIPv4(text)) return { family: 4, value: ipv4Value(text) };
  if (isIPv6(text)) {
    const value = ipv6Value(text);
    if (value >> 32n === 0xffffn) return { family: 4, value: Number(value - MAPPED_V4_PREFIX) };
    return { family: 6, value };
  }
  return undefined;
}

/**
 * Compiles `10.0.0.0/8` or `2001:db8::/32` (a bare address means that one host). Returns an error
 * message instead of a test when the range is not valid.
 */
export function compileCidr(range: string): IpTest | { error: string } {
  const [addressText = '', prefixText, extra] = range.trim().split('/');
  const address = isIPv4(addressText) ? { family: 4 as const } : isIPv6(addressText) ? { family: 6 as const } : undefined;
  if (!address || extra !== undefined) return { error: `"${range}" is not a CIDR range; expected e.g. 10.0.0.0/8 or 2001:db8::/32` };
  const bits = address.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return { error: `"${range}" has prefix length "${prefixText}"; expected 0 to ${bits}` };

  if (address.family === 4) {
    const size = 2 ** (32 - prefix);
    const base = ipv4Value(addressText) - (ipv4Value(addressText) % size);
    return (text) => {
      const parsed = parseAddress(text);
      return parsed?.family === 4 && parsed.value >= base && parsed.value < base + size;
    };
  }
  const shift = BigInt(128 - prefix);
  const network = ipv6Value(addressText) >> shift;
  return (text) => {
    const parsed = parseAddress(text);
    return parsed?.family === 6 && parsed.value >> shift === network;
  };
}
