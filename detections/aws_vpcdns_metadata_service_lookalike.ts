import { defineRule } from '../src/detect/rule';
import { vpcDnsEvent } from '../src/detect/test-events-insight-dns-waf';
import { askedBy, queriedName, type VpcDnsEvent } from '../src/logs/vpc-dns';
import { cidrMatcher } from './lib/matchers';

/** Link-local addresses of the instance metadata service (IMDS, IPv4 and IPv6) and the ECS task metadata endpoint. */
const isMetadataAddress = cidrMatcher(['169.254.0.0/16', 'fd00:ec2::254/128']);
/** The names AWS itself gives the metadata service. */
const REAL_METADATA_NAME = /^instance-data(\.[a-z0-9-]+)*\.(ec2|compute)\.internal$|^instance-data$/;
/** 169.254.169.254 spelled into a name: dotted, dashed (sslip.io, nip.io) or hex (a9fea9fe, as rebinding services write it). */
const EMBEDDED_METADATA_ADDRESS = /(^|[.-])169[.-]254[.-]169[.-]254([.-]|$)|a9fea9fe/;

function reason(event: VpcDnsEvent): string | undefined {
  const name = queriedName(event);
  if (REAL_METADATA_NAME.test(name)) return undefined;
  if ((event.answers ?? []).some((answer) => isMetadataAddress(answer.Rdata ?? undefined))) return 'resolves to the metadata service address';
  if (EMBEDDED_METADATA_ADDRESS.test(name)) return 'spells the metadata service address';
  return undefined;
}

export default defineRule({
  id: 'AWS.VPCDns.MetadataServiceLookalike',
  logTypes: ['AWS.VPCDns'],
  severity: 'HIGH',
  description:
    'A host in a VPC resolved a name that is not the metadata service but points at it (answers 169.254.169.254 or another link-local metadata address) or spells its address: the DNS half of a server-side request forgery or DNS rebinding attack on the instance metadata service, which hands out the instance role credentials.',
  runbook:
    'Find which application on the instance made the lookup (it fetched a URL with this host name, usually one an outsider supplied: webhooks, image fetchers, PDF renderers). Require IMDSv2 on the instance (HttpTokens=required) so a forged GET cannot read credentials, check AWS.CloudTrail for the instance role session used from outside AWS, and fix the URL fetcher to refuse link-local and private addresses after resolution.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
  tags: ['TA0006:T1552.005'],
  rule: (event) => reason(event) !== undefined,
  title: (event) => `${askedBy(event)} resolved ${queriedName(event)}, which ${reason(event) ?? 'points at the metadata service'}`,
  dedup: (event) => `${event.account_id}:${askedBy(event)}:${queriedName(event)}`,
  alertContext: (event) => ({
    query_name: event.query_name,
    answers: (event.answers ?? []).map((answer) => answer.Rdata),
    srcaddr: event.srcaddr,
    instance: event.srcids?.['instance'],
    vpc_id: event.vpc_id,
  }),
  tests: [
    {
      name: 'a rebinding name answering 169.254.169.254 matches',
      expect: true,
      event: vpcDnsEvent({ query_name: 'metadata.attacker-example.com.', answers: [{ Rdata: '169.254.169.254', Type: 'A', Class: 'IN' }] }),
    },
    { name: 'a name spelling the address matches', expect: true, event: vpcDnsEvent({ query_name: '169.254.169.254.nip.io.', answers: [] }) },
    {
      name: 'a hex rebinding name matches',
      expect: true,
      event: vpcDnsEvent({ query_name: '7f000001.a9fea9fe.rbndr.us.', answers: [{ Rdata: '127.0.0.1', Type: 'A', Class: 'IN' }] }),
    },
    {
      name: 'the real metadata service name does not match',
      expect: false,
      event: vpcDnsEvent({ query_name: 'instance-data.ec2.internal.', answers: [{ Rdata: '169.254.169.254', Type: 'A', Class: 'IN' }] }),
    },
    { name: 'an ordinary lookup does not match', expect: false, event: vpcDnsEvent() },
  ],
});
