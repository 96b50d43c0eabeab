import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { vpcDnsEvent } from '../src/detect/test-events-insight-dns-waf';
import { askedBy, isUnderDomain, queriedName, type VpcDnsEvent } from '../src/logs/vpc-dns';

/** Public mining pools and pool proxies that miners (XMRig and the like) connect to by name. */
const MINING_POOL_DOMAINS = [
  'nanopool.org',
  'minexmr.com',
  'supportxmr.com',
  'moneroocean.stream',
  'xmrpool.eu',
  'hashvault.pro',
  'c3pool.com',
  'c3pool.org',
  '2miners.com',
  'f2pool.com',
  'ethermine.org',
  'nicehash.com',
  'minergate.com',
  'herominers.com',
  'unmineable.com',
  'viabtc.com',
  'antpool.com',
  'poolin.com',
  'braiins.com',
  'slushpool.com',
  'miningpoolhub.com',
  'monerohash.com',
  'xmrig.com',
  'p2pool.io',
  'kryptex.network',
];

function poolOf(event: VpcDnsEvent): string | undefined {
  const name = queriedName(event);
  return MINING_POOL_DOMAINS.find((domain) => isUnderDomain(name, domain));
}

function severityOf(event: VpcDnsEvent): Severity {
  // DNS Firewall already refused the lookup: the miner is there, but could not reach its pool this way.
  return event.firewall_rule_action === 'BLOCK' ? 'MEDIUM' : 'HIGH';
}

export default defineRule({
  id: 'AWS.VPCDns.CryptoMiningDomain',
  logTypes: ['AWS.VPCDns'],
  severity: 'HIGH',
  description:
    'A host in a VPC looked up a cryptocurrency mining pool: a miner is running on it, usually dropped after a compromise (exposed service, stolen keys, poisoned image).',
  runbook:
    'Find the instance (srcids.instance, or the source address in VPC flow logs) and what on it makes the lookups (ps / top for xmrig-like processes, crontabs, containers). Isolate the instance (restrictive security group), snapshot its volumes for forensics, rotate any credentials it holds (instance role sessions included), then find how it was compromised before rebuilding it. Block the pool domains with Route 53 Resolver DNS Firewall.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html#cryptocurrency-ec2-bitcointooldnsrequest',
  tags: ['TA0040:T1496'],
  rule: (event) => poolOf(event) !== undefined,
  title: (event) => `${askedBy(event)} looked up mining pool ${queriedName(event)}`,
  dedup: (event) => `${event.account_id}:${askedBy(event)}`,
  dynamicSeverity: severityOf,
  alertContext: (event) => ({
    query_name: event.query_name,
    pool: poolOf(event),
    srcaddr: event.srcaddr,
    instance: event.srcids?.['instance'],
    vpc_id: event.vpc_id,
    rcode: event.rcode,
    firewall_rule_action: event.firewall_rule_action,
  }),
  tests: [
    {
      name: 'a lookup of a Monero pool matches',
      expect: true,
      event: vpcDnsEvent({ query_name: 'xmr-eu1.nanopool.org.', answers: [{ Rdata: '51.15.65.182', Type: 'A', Class: 'IN' }] }),
    },
    {
      name: 'a lookup DNS Firewall blocked still matches',
      expect: true,
      event: vpcDnsEvent({ query_name: 'gulf.moneroocean.stream.', rcode: 'NXDOMAIN', answers: [], firewall_rule_action: 'BLOCK' }),
    },
    { name: 'an ordinary lookup does not match', expect: false, event: vpcDnsEvent() },
    { name: 'a name that only contains a pool name does not match', expect: false, event: vpcDnsEvent({ query_name: 'nanopool.org.example.com.' }) },
  ],
});
