import { vpcDns } from '../../src/logs/vpc-dns';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('Route 53 Resolver query logs (AWS.VPCDns)', () => {
  it('are read one query per line, to the reviewed golden output', async () => {
    const records = await parseFixture('vpc-dns/resolver-query-log.jsonl', [vpcDns]);
    expectGolden('vpc-dns/resolver-query-log.jsonl', records);
    expect(events(records).map((event) => [event['query_name'], event['rcode'], event['p_event_time']])).toEqual([
      ['api.stripe.com.', 'NOERROR', '2026-11-22T10:15:02.000Z'],
      ['orders-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com.', 'NOERROR', '2026-11-22T10:15:03.418Z'],
      ['xmr-eu1.nanopool.org.', 'NXDOMAIN', '2026-11-22T10:15:04.000Z'],
      ['intranet.corp.example.com.', 'NOERROR', '2026-11-22T10:15:05.000Z'],
      ['dGhpcyBpcyBleGZpbHRyYXRlZCBkYXRh.c2.tunnel-example.net.', 'NOERROR', '2026-11-22T10:15:07.000Z'],
    ]);
  });

  it('quarantine a query without its name and a truncated line, by line number', async () => {
    const records = await parseFixture('vpc-dns/resolver-query-log.jsonl', [vpcDns]);
    expect(quarantined(records)).toEqual([
      { position: 5, quarantined: expect.stringContaining('query_name') },
      { position: 7, quarantined: expect.stringContaining('JSON') },
    ]);
  });

  it('carry the asking host, its instance, the answers and the queried name as indicators', async () => {
    const [stripe, rds, , onPrem] = events(await parseFixture('vpc-dns/resolver-query-log.jsonl', [vpcDns]));
    expect(stripe).toMatchObject({
      p_any_aws_account_ids: ['123456789012'],
      p_any_aws_instance_ids: ['i-0123456789abcdef0'],
      p_any_ip_addresses: ['10.0.1.25', '54.187.174.169', '54.187.205.235'],
      p_any_domain_names: ['api.stripe.com'],
    });
    expect(rds).toMatchObject({
      p_any_ip_addresses: ['10.0.1.26', '10.0.2.71'],
      p_any_domain_names: ['orders-db-instance-1.c9akciq32.us-east-1.rds.amazonaws.com', 'orders-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com'],
    });
    expect(onPrem).toMatchObject({ p_any_ip_addresses: ['172.16.8.9', '2001:db8:85a3::8a2e:370:7334'] });
    expect(onPrem).not.toHaveProperty('p_any_aws_instance_ids');
  });
});
