import { vpcFlow } from '../../src/logs/vpc-flow';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('VPC flow logs', () => {
  it('parse the default format, announced by its header, to the reviewed golden output', async () => {
    const records = await parseFixture('vpc-flow/default.log', [vpcFlow]);
    expectGolden('vpc-flow/default.log', records);
    expect(events(records)).toHaveLength(6);
    expect(events(records)[0]).toMatchObject({
      version: 2,
      account_id: '123456789012',
      interface_id: 'eni-0a1b2c3d4e5f60718',
      srcaddr: '203.0.113.12',
      dstaddr: '10.0.1.25',
      srcport: 49152,
      dstport: 22,
      protocol: 6,
      packets: 20,
      bytes: 4249,
      start: 1795341600,
      end: 1795341660,
      action: 'REJECT',
      log_status: 'OK',
      p_event_time: '2026-11-22T10:00:00.000Z',
      p_any_ip_addresses: ['10.0.1.25', '203.0.113.12'],
      p_any_aws_account_ids: ['123456789012'],
    });
  });

  it('read NODATA and SKIPDATA records, whose flow fields are all "-", as nulls', async () => {
    const records = await parseFixture('vpc-flow/default.log', [vpcFlow]);
    const idle = events(records).filter((event) => event['log_status'] !== 'OK');
    expect(idle.map((event) => event['log_status'])).toEqual(['NODATA', 'SKIPDATA']);
    expect(idle[0]).toMatchObject({ srcaddr: null, dstaddr: null, srcport: null, packets: null, action: null });
    expect(idle[0]).not.toHaveProperty('p_any_ip_addresses');
  });

  it('read a custom v5 format in the order its header names, keeping unknown fields as text', async () => {
    const records = await parseFixture('vpc-flow/custom-v5.log', [vpcFlow]);
    expectGolden('vpc-flow/custom-v5.log', records);
    expect(events(records)[0]).toMatchObject({
      version: 5,
      vpc_id: 'vpc-0123456789abcdef0',
      subnet_id: 'subnet-0abcdef1234567890',
      instance_id: 'i-0abcdef1234567890',
      type: 'IPv4',
      pkt_srcaddr: '10.0.1.25',
      pkt_dstaddr: '52.94.133.131',
      tcp_flags: 19,
      region: 'us-east-1',
      az_id: 'use1-az4',
      sublocation_type: null,
      pkt_dst_aws_service: 'DYNAMODB',
      flow_direction: 'egress',
      traffic_path: 8,
      reject_reason: null,
      future_field: 'alpha',
      p_any_aws_instance_ids: ['i-0abcdef1234567890'],
    });
    expect(events(records)[1]).toMatchObject({ action: 'REJECT', reject_reason: 'BPA' });
  });

  it('quarantine lines whose field count or values do not fit the announced format', async () => {
    const records = await parseFixture('vpc-flow/custom-v5.log', [vpcFlow]);
    expect(quarantined(records)).toEqual([
      { position: 5, quarantined: expect.stringContaining('the header announced 31 fields; this line has 22') },
      { position: 6, quarantined: expect.stringContaining('dstport: expected a whole number or "-", got "eighty"') },
    ]);
  });

  it('read headerless lines as the default format, with CRLF endings and blank lines', async () => {
    const records = await parseFixture('vpc-flow/no-header.log', [vpcFlow]);
    expectGolden('vpc-flow/no-header.log', records);
    expect(events(records).map((event) => event['action'])).toEqual(['REJECT', 'ACCEPT']);
    expect(events(records)[1]!['log_status']).toBe('OK');
    expect(quarantined(records)).toEqual([{ position: 2, quarantined: expect.stringContaining('action: expected one of ACCEPT, REJECT or "-", got "MAYBE"') }]);
  });
});
