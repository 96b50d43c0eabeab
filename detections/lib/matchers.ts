import { BlockList, isIP } from 'node:net';
import picomatch from 'picomatch';

type Predicate = (value: string | undefined) => boolean;

/**
 * Matchers are built from settings lists that live as long as the engine, and rules ask for them on
 * every event: compiling once per list (by identity) keeps globs and CIDR blocks off the hot path.
 */
function cachedBy(build: (list: readonly string[]) => Predicate): (list: readonly string[]) => Predicate {
  const cache = new WeakMap<readonly string[], Predicate>();
  return (list) => {
    let predicate = cache.get(list);
    if (!predicate) cache.set(list, (predicate = build(list)));
    return predicate;
  };
}

/** A predicate for "is this address inside one of these CIDR blocks"; anything not an IP is outside. */
export const cidrMatcher = cachedBy(buildCidrMatcher);

function buildCidrMatcher(cidrs: readonly string[]): Predicate {
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
export const globMatcher = cachedBy(buildGlobMatcher);

function buildGlobMatcher(globs: readonly string[]): Predicate {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (value) => value !== undefined && matches(value);
}

/** Private address space (RFC 1918, carrier-grade NAT, IPv6 unique local): what "internal" means until detections.internalNetworks says otherwise. */
const PRIVATE_NETWORKS: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'];

/** Whether an address belongs to the organisation's own hosts: the configured internal networks, or private address space when none are configured. */
export function internalMatcher(internalNetworks: readonly string[]): (address: string | undefined) => boolean {
  return cidrMatcher(internalNetworks.length > 0 ? internalNetworks : PRIVATE_NETWORKS);
}
