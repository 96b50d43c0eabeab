import { BlockList, isIP } from 'node:net';
import picomatch from 'picomatch';

/** A predicate for "is this address inside one of these CIDR blocks"; anything not an IP is outside. */
export function cidrMatcher(cidrs: readonly string[]): (address: string | undefined) => boolean {
  const blocks = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix = ''] = cidr.split('/');
    const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
    blocks.addSubnet(network, Number(prefix), family);
  }
  return (address) => {
    const version = address === undefined ? 0 : isIP(address);
    if (version === 0 || address === undefined) return false;
    return blocks.check(address, version === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * A predicate for "does this value match one of these globs". With no globs nothing matches, so an
 * empty allow-list means "nobody is expected" rather than "everybody is".
 */
export function globMatcher(globs: readonly string[]): (value: string | undefined) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (value) => value !== undefined && matches(value);
}
