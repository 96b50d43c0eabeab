import { isIPv4, isIPv6 } from 'node:net';
import type { CidrBlock } from './search-plan';

/**
 * Reads `address/prefix` (10.0.0.0/8, 2001:db8::/32). Returns undefined for anything else, so a
 * value is a CIDR block only when it can be nothing but one.
 */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  if (slash <= 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (isIPv4(address) && prefix <= 32) {
    const base = ipv4ToNumber(address);
    const size = 2 ** (32 - prefix);
    const first = Math.floor(base / size) * size;
    return { text: `${numberToIpv4(first)}/${prefix}`, version: 4, first, last: first + size - 1 };
  }
  if (isIPv6(address) && prefix <= 128) return { text: `${address.toLowerCase()}/${prefix}`, version: 6 };
  return undefined;
}

/** True when the value has the shape of a CIDR block but is not a valid one (e.g. 10.0.0.0/33). */
export function looksLikeCidr(text: string): boolean {
  return /^[0-9a-f:.]+\/\d+$/i.test(text) && /[.:]/.test(text);
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((total, octet) => total * 256 + Number(octet), 0);
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
