import { alb } from '../../src/logs/alb';
import { events, expectGolden, parseFixture, quarantined, type GoldenRecord } from './golden';

describe('ALB access logs', () => {
  let records: GoldenRecord[];
  beforeAll(async () => {
    records = await parseFixture('alb/access.log', [alb]);
  });

  it('parse the sample file to the reviewed golden output', () => {
    expectGolden('alb/access.log', records);
  });

  it('read every documented field, splitting ip:port pairs and the request line', () => {
    expect(events(records)[0]).toMatchObject({
      type: 'https',
      time: '2026-11-22T10:15:00.186641Z',
      elb: 'app/prowl-web/50dc6c495c0c9188',
      client_ip: '198.51.100.23',
      client_port: 52814,
      target_ip: '10.0.1.25',
      target_port: 80,
      request_processing_time: 0.001,
      elb_status_code: 200,
      target_status_code: 200,
      received_bytes: 312,
      sent_bytes: 5120,
      request: 'GET https://www.example.com:443/account/settings HTTP/1.1',
      request_http_method: 'GET',
      request_url: 'https://www.example.com:443/account/settings',
      request_http_version: 'HTTP/1.1',
      ssl_protocol: 'TLSv1.2',
      trace_id: 'Root=1-6740583c-1d84f3d73c47ec4e58577259',
      domain_name: 'www.example.com',
      matched_rule_priority: 0,
      request_creation_time: '2026-11-22T10:14:59.137000Z',
      actions_executed: ['waf', 'forward'],
      target_port_list: ['10.0.1.25:80'],
      target_status_code_list: ['200'],
      classification: null,
      conn_trace_id: 'TID_1a2b3c4d5e6f',
      p_event_time: '2026-11-22T10:15:00.186Z',
    });
  });

  it('read a failed request with no target as nulls and keep the -1 timings', () => {
    const failed = events(records).find((event) => event['elb_status_code'] === 502)!;
    expect(failed).toMatchObject({
      target_ip: null,
      target_port: null,
      target_processing_time: -1,
      target_status_code: null,
      error_reason: 'TargetConnectionError',
    });
  });

  it('read IPv6 clients and quoted fields holding spaces or stray quotes', () => {
    const h2 = events(records).find((event) => event['type'] === 'h2')!;
    expect(h2).toMatchObject({
      client_ip: '2001:db8::1',
      client_port: 50000,
      user_agent: 'Mozilla/5.0 (compatible; "quoted-bot/1.0)',
      redirect_url: 'https://www.example.com:443/',
    });
  });

  it('leave out the fields older lines did not have, and keep fields newer than Prowl', () => {
    const old = events(records).find((event) => event['request_url'] === 'https://www.example.com:443/health')!;
    expect(old['trace_id']).toBe('Root=1-67405840-5bc8271b7a8b18292a0b693d');
    expect(old).not.toHaveProperty('domain_name');
    const newer = events(records).find((event) => event['type'] === 'wss')!;
    expect(newer).toMatchObject({
      classification: 'Ambiguous',
      additional_fields: ['future'],
      user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) 日本語',
    });
  });

  it('read a very long URL in full', () => {
    const long = events(records).find((event) => event['elb_status_code'] === 414)!;
    expect(String(long['request_url']).length).toBeGreaterThan(6000);
  });

  it('quarantine cut-off lines and unknown request types, saying why', () => {
    expect(quarantined(records)).toEqual([
      { position: 8, quarantined: expect.stringContaining('opens a quote') },
      { position: 9, quarantined: expect.stringContaining('type: expected one of http, https, h2, grpcs, ws, wss, got "ftp"') },
    ]);
  });

  it('find client and target IPs, domains, ARNs and the trace id as indicators', () => {
    expect(events(records)[0]).toMatchObject({
      p_any_ip_addresses: ['10.0.1.25', '198.51.100.23'],
      p_any_domain_names: ['www.example.com'],
      p_any_aws_arns: [
        'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-targets/73e2d6bc24d8a067',
      ],
      p_any_aws_account_ids: ['123456789012'],
      p_any_trace_ids: ['Root=1-6740583c-1d84f3d73c47ec4e58577259'],
    });
  });
});
