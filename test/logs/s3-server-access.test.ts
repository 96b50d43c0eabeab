import { s3ServerAccess } from '../../src/logs/s3-server-access';
import { events, expectGolden, parseFixture, quarantined, type GoldenRecord } from './golden';

describe('S3 server access logs', () => {
  let records: GoldenRecord[];
  beforeAll(async () => {
    records = await parseFixture('s3-server-access/access.log', [s3ServerAccess]);
  });

  it('parse the sample file to the reviewed golden output', () => {
    expectGolden('s3-server-access/access.log', records);
  });

  it('read every documented field of a modern line under its AWS name', () => {
    expect(events(records)[0]).toMatchObject({
      bucketowner: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
      bucket: 'prowl-demo-data',
      time: '2026-11-22T10:00:38.000Z',
      remoteip: '198.51.100.23',
      requester: 'arn:aws:iam::123456789012:user/alice',
      operation: 'REST.GET.OBJECT',
      key: 'reports/2026/q3.pdf',
      requesturi: 'GET /prowl-demo-data/reports/2026/q3.pdf HTTP/1.1',
      httpstatus: 200,
      bytessent: 241152,
      totaltime: 70,
      useragent: 'aws-cli/2.15.0 Python/3.11.6 Linux/5.10.205 exe/x86_64.amzn.2 prompt/off command/s3.cp',
      signatureversion: 'SigV4',
      tlsversion: 'TLSv1.2',
      aclrequired: 'Yes',
      p_event_time: '2026-11-22T10:00:38.000Z',
    });
  });

  it('turn every "-" into null', () => {
    const expired = events(records).find((event) => event['operation'] === 'S3.EXPIRE.OBJECT')!;
    expect(expired).toMatchObject({
      remoteip: null,
      requesturi: null,
      httpstatus: null,
      errorcode: null,
      bytessent: null,
      objectsize: 2048,
      referrer: null,
      useragent: null,
      hostid: null,
      aclrequired: null,
    });
  });

  it('leave the trailing fields out of lines written before AWS added them', () => {
    const old = events(records)[1]!;
    expect(old['versionid']).toBeNull();
    expect(old).not.toHaveProperty('hostid');
    expect(old).not.toHaveProperty('tlsversion');
  });

  it('keep quoted fields with spaces whole and unescape quotes inside them', () => {
    const denied = events(records).find((event) => event['errorcode'] === 'AccessDenied')!;
    expect(denied['referrer']).toBe('https://intranet.example.com/hr?tab=payroll&year=2026');
    expect(denied['useragent']).toBe('Mozilla/5.0 (X11; Linux x86_64) "curious" crawler');
    expect(denied['requester']).toBeNull();
  });

  it('keep fields newer than Prowl, in order, in additionalfields', () => {
    const newer = events(records).find((event) => event['operation'] === 'REST.PUT.OBJECT')!;
    expect(newer['accesspointarn']).toBe('arn:aws:s3:us-east-1:123456789012:accesspoint/uploads-ap');
    expect(newer['additionalfields']).toEqual(['us-west-2', 'future-value']);
  });

  it('keep unicode keys and agents and IPv6 addresses as written', () => {
    const head = events(records).find((event) => event['operation'] === 'REST.HEAD.OBJECT')!;
    expect(head).toMatchObject({
      key: 'レポート/四半期.pdf',
      useragent: 'Mozilla/5.0 (Macintosh; 日本語) Safari/605.1.15',
      remoteip: '2001:db8::8a2e:370:7334',
    });
  });

  it('read a very long request line in full', () => {
    const listing = events(records).find((event) => event['operation'] === 'REST.GET.BUCKET')!;
    expect(String(listing['requesturi']).length).toBeGreaterThan(5000);
  });

  it('quarantine lines that are not access log lines, saying why', () => {
    expect(quarantined(records)).toEqual([
      { position: 8, quarantined: expect.stringContaining('at least 18 fields; this one has 7') },
      { position: 9, quarantined: expect.stringContaining('httpstatus: expected a whole number or "-", got "OK"') },
    ]);
  });

  it('find IPs, ARNs, the account in them and the host as indicators', () => {
    const newer = events(records).find((event) => event['operation'] === 'REST.PUT.OBJECT')!;
    expect(newer).toMatchObject({
      p_any_ip_addresses: ['198.51.100.23'],
      p_any_aws_arns: ['arn:aws:s3:us-east-1:123456789012:accesspoint/uploads-ap', 'arn:aws:sts::123456789012:assumed-role/Engineer/bob'],
      p_any_aws_account_ids: ['123456789012'],
      p_any_domain_names: ['prowl-demo-data.s3.us-east-1.amazonaws.com'],
    });
    expect(events(records).find((event) => event['operation'] === 'S3.EXPIRE.OBJECT')).not.toHaveProperty('p_any_ip_addresses');
  });
});
