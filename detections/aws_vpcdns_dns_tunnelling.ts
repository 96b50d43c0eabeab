import { defineRule } from '../src/detect/rule';
import { vpcDnsEvent } from '../src/detect/test-events-insight-dns-waf';
import { askedBy, isUnderDomain, queriedName, type VpcDnsEvent } from '../src/logs/vpc-dns';

/** Services whose own names carry long generated labels (AWS endpoints, CDNs, DNSSEC/ACME records). */
const GENERATED_NAME_DOMAINS = [
  'amazonaws.com',
  'amazonaws.com.cn',
  'aws',
  'cloudfront.net',
  'akamaiedge.net',
  'akadns.net',
  'azurefd.net',
  'googleusercontent.com',
  'in-addr.arpa',
  'ip6.arpa',
];
/** A label this long is rarely written by people; tunnels (iodine, dnscat2, DNSExfiltrator) fill labels near the 63-character limit. */
const LONG_LABEL = 40;
/**
 * Encoded data is close to random: base32/base64 labels (lower-cased, as DNS compares them) carry
 * about 4 bits per character or more and mix digits into letters, where long names people choose
 * are hyphenated words. Hex is recognized by its alphabet.
 */
const ENCODED_ENTROPY = 3.9;
const HEX = /^[0-9a-f]+$/;

function looksEncoded(label: string): boolean {
  if (HEX.test(label)) return true;
  const hyphens = label.split('-').length - 1;
  return hyphens <= 1 && /\d/.test(label) && entropy(label) >= ENCODED_ENTROPY;
}
const TUNNEL_QUERIES_PER_HOUR = 20;

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The name minus its last two labels: the part a tunnel encodes its data in. */
function subdomainOf(name: string): string {
  return name.split('.').slice(0, -2).join('.');
}

/** The last two labels: where the tunnel's server is (good enough to group queries by). */
function baseDomainOf(name: string): string {
  return name.split('.').slice(-2).join('.');
}

function looksTunnelled(event: VpcDnsEvent): boolean {
  const name = queriedName(event);
  if (GENERATED_NAME_DOMAINS.some((domain) => isUnderDomain(name, domain))) return false;
  const longest = subdomainOf(name)
    .split('.')
    .reduce((found, label) => (label.length > found.length ? label : found), '');
  return longest.length >= LONG_LABEL && looksEncoded(longest);
}

export default defineRule({
  id: 'AWS.VPCDns.DnsTunnelling',
  logTypes: ['AWS.VPCDns'],
  severity: 'MEDIUM',
  description:
    'A host in a VPC made 20 or more lookups within an hour of names whose subdomain is one long, random-looking label under the same domain: data encoded into DNS queries, the way DNS tunnels exfiltrate data or carry command and control past egress filtering.',
  runbook:
    'Look at the queried names (alert events) and the base domain they share. Security and CDN products sometimes use generated labels: if the domain is a vendor you run, add it to GENERATED_NAME_DOMAINS in this rule. Otherwise find the process making the lookups on the instance, isolate the host, block the domain with Route 53 Resolver DNS Firewall, and decode a few labels (base32/base64/hex) to see what left.',
  reference: 'https://attack.mitre.org/techniques/T1071/004/',
  tags: ['TA0011:T1071.004', 'TA0010:T1048'],
  threshold: TUNNEL_QUERIES_PER_HOUR,
  rule: looksTunnelled,
  title: (event) => `${askedBy(event)} is sending data-like DNS queries to ${baseDomainOf(queriedName(event))}`,
  dedup: (event) => `${event.account_id}:${askedBy(event)}:${baseDomainOf(queriedName(event))}`,
  alertContext: (event) => ({
    query_name: event.query_name,
    query_type: event.query_type,
    srcaddr: event.srcaddr,
    instance: event.srcids?.['instance'],
    vpc_id: event.vpc_id,
    rcode: event.rcode,
  }),
  tests: [
    {
      name: 'a base64 label under a tunnel domain counts',
      expect: true,
      event: vpcDnsEvent({ query_name: 'dGhpcyBpcyBleGZpbHRyYXRlZCBkYXRhIGZyb20gdGhlIGhvc3Q.c2.tunnel-example.net.', query_type: 'TXT' }),
    },
    {
      name: 'a hex label as dnscat2 writes it counts',
      expect: true,
      event: vpcDnsEvent({ query_name: '8f3a01c2b9e7d64405aa9c3e7f12b08d5e6c4a39f07b1d2e.data.exfil-example.com.', query_type: 'CNAME' }),
    },
    { name: 'an ordinary lookup does not count', expect: false, event: vpcDnsEvent() },
    {
      name: 'a long generated AWS endpoint name does not count',
      expect: false,
      event: vpcDnsEvent({ query_name: 'vpce-0a1b2c3d4e5f6a7b8-abcdefgh1234567890qwertyuiopzxcvbn.s3.us-east-1.vpce.amazonaws.com.' }),
    },
    {
      name: 'a long but readable label does not count',
      expect: false,
      event: vpcDnsEvent({ query_name: 'customer-notifications-service-production-eu.internal.example.com.' }),
    },
    {
      name: 'a long generated load balancer name does not count',
      expect: false,
      event: vpcDnsEvent({ query_name: 'internal-k8s-ingress-nginx-controller-1a2b3c4d5e.corp.example.com.' }),
    },
    {
      name: 'a base32 label as iodine writes it counts',
      expect: true,
      event: vpcDnsEvent({ query_name: 'mfrggzdfmztwq2lknnwg23tpobyxe43uov3ho6dzpjqwe3l.t.tunnel-example.net.', query_type: 'NULL' }),
    },
  ],
});
