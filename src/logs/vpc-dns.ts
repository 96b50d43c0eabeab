import { z } from 'zod';
import type { LogType } from './log-type';
import { isoTimeSchema } from './time';

/**
 * Route 53 Resolver query logs (the DNS queries made from a VPC), one JSON object per line as
 * Resolver delivers them to S3 or Firehose. Field names as AWS writes them. `srcids` names the
 * instance or Resolver endpoint the query came from; its keys vary (`instance`,
 * `resolver_endpoint`, `resolver_network_interface`), so it is kept free-form.
 */
const optionalString = z.string().nullish();

export const vpcDnsEventSchema = z
  .object({
    version: z.string().min(1),
    account_id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    region: z.string().min(1),
    vpc_id: optionalString,
    query_timestamp: isoTimeSchema(),
    query_name: z.string().min(1),
    query_type: optionalString,
    query_class: optionalString,
    rcode: optionalString,
    answers: z.array(z.object({ Rdata: optionalString, Type: optionalString, Class: optionalString }).loose()).nullish(),
    srcaddr: z.string().min(1),
    srcport: optionalString,
    transport: optionalString,
    srcids: z.record(z.string(), z.unknown()).nullish(),
    /** Set when a DNS Firewall rule group matched the query. */
    firewall_rule_action: optionalString,
    firewall_rule_group_id: optionalString,
    firewall_domain_list_id: optionalString,
  })
  .loose();

export type VpcDnsEvent = z.infer<typeof vpcDnsEventSchema>;

export const vpcDns: LogType<VpcDnsEvent> = {
  name: 'AWS.VPCDns',
  schema: vpcDnsEventSchema,
  framing: { kind: 'json' },
  detect: true,
  eventTime: (event) => event.query_timestamp,
  indicators(event, found) {
    found.account(event.account_id);
    found.ip(event.srcaddr);
    // An answer is an address (A, AAAA) or a name (CNAME, MX…), as Panther reads it.
    for (const answer of event.answers ?? []) found.hostname(answer.Rdata);
    found.instanceId(event.srcids?.['instance']);
    // Panther v1 leaves the queried name out; without it `any domain=` could not find who looked a domain up.
    found.hostname(event.query_name);
  },
};

/** The queried name as people write it: lower case, without DNS's trailing root dot. */
export function queriedName(event: VpcDnsEvent): string {
  const name = event.query_name.toLowerCase();
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** Who asked: the instance when Resolver names one, else the source address. */
export function askedBy(event: VpcDnsEvent): string {
  const instance = event.srcids?.['instance'];
  return typeof instance === 'string' && instance !== '' ? instance : event.srcaddr;
}

/** True when `name` is `domain` or one of its subdomains. */
export function isUnderDomain(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}
