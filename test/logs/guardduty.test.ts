import { guardDuty } from '../../src/logs/guardduty';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('GuardDuty findings', () => {
  it('come out of their EventBridge envelopes, to the reviewed golden output', async () => {
    const records = await parseFixture('guardduty/eventbridge.jsonl', [guardDuty]);
    expectGolden('guardduty/eventbridge.jsonl', records);
    expect(events(records).map((event) => event['type'])).toEqual([
      'Recon:EC2/PortProbeUnprotectedPort',
      'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
    ]);
    expect(events(records)[0]).toMatchObject({ id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', severity: 2, p_event_time: '2026-11-22T10:20:00.000Z' });
  });

  it('quarantine other EventBridge events and findings without a severity', async () => {
    const records = await parseFixture('guardduty/eventbridge.jsonl', [guardDuty]);
    expect(quarantined(records)).toEqual([
      { position: 3, quarantined: expect.stringContaining('schemaVersion') },
      { position: 4, quarantined: expect.stringContaining('severity') },
    ]);
  });

  it('are read from gzip S3 exports, one finding per line', async () => {
    const records = await parseFixture('guardduty/export.jsonl.gz', [guardDuty]);
    expectGolden('guardduty/export.jsonl.gz', records);
    expect(events(records).map((event) => event['type'])).toEqual(['Execution:EC2/MaliciousFile', 'CryptoCurrency:EC2/BitcoinTool.B!DNS']);
  });

  it('are read from a pretty-printed single finding', async () => {
    const records = await parseFixture('guardduty/finding.json', [guardDuty]);
    expect(events(records)).toHaveLength(1);
    expect(quarantined(records)).toEqual([]);
  });

  it('carry the remote IPs, instances, tags, keys, users, domains and hashes wherever the finding type puts them', async () => {
    const [probe, exfiltration] = events(await parseFixture('guardduty/eventbridge.jsonl', [guardDuty]));
    const [malware, dns] = events(await parseFixture('guardduty/export.jsonl.gz', [guardDuty]));
    expect(probe).toMatchObject({
      p_any_ip_addresses: ['10.0.1.25', '198.51.100.200', '203.0.113.7', '54.210.10.20'],
      p_any_aws_instance_ids: ['i-0abcdef1234567890'],
      p_any_aws_tags: ['Name:web-1', 'team:platform'],
      p_any_domain_names: ['ec2-54-210-10-20.compute-1.amazonaws.com', 'ip-10-0-1-25.ec2.internal'],
    });
    expect(exfiltration).toMatchObject({ p_any_ip_addresses: ['192.0.2.66'], p_any_trace_ids: ['ASIAEXAMPLEEXFIL01'], p_any_usernames: ['web'] });
    expect(malware).toMatchObject({ p_any_sha256_hashes: ['275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'] });
    expect(dns).toMatchObject({ p_any_domain_names: ['pool.minexmr.example'] });
  });
});
