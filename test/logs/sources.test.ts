import type { SourceConfig } from '../../src/config';
import { resolveSource } from '../../src/logs/sources';

const names = (source: ReturnType<typeof resolveSource>): string[] | undefined => source?.logTypes.map((logType) => logType.name);

const sources: SourceConfig[] = [
  { label: 'everything', prefix: '', logTypes: [] },
  { label: 'trail', prefix: 'trail/', logTypes: ['AWS.CloudTrail'] },
  { label: 'lb', prefix: 'lb/', logTypes: ['AWS.ALB', 'AWS.S3ServerAccess'] },
  { label: 'other bucket', bucket: 'logs-archive', prefix: '', logTypes: ['AWS.VPCFlow'] },
];

describe('finding the source of an object', () => {
  it("takes the longest matching prefix in the object's bucket, with its label and id", () => {
    const source = resolveSource(sources, 'raw', 'raw', 'lb/2026/11/22/x.log');
    expect(source).toMatchObject({ id: 'raw/lb/', label: 'lb' });
    expect(names(source)).toEqual(['AWS.ALB', 'AWS.S3ServerAccess']);
    expect(resolveSource(sources, 'raw', 'logs-archive', 'any/key')?.label).toBe('other bucket');
    expect(resolveSource(sources, 'raw', 'unknown-bucket', 'lb/x.log')).toBeUndefined();
  });

  it('recognizes CloudTrail log files and digests by their key when the source names no type', () => {
    expect(
      names(
        resolveSource(sources, 'raw', 'raw', 'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/22/123456789012_CloudTrail_us-east-1_20261122T1000Z_a.json.gz'),
      ),
    ).toEqual(['AWS.CloudTrail']);
    expect(names(resolveSource(sources, 'raw', 'raw', 'AWSLogs/o-abc123def4/123456789012/CloudTrail/eu-west-1/2026/11/22/f.json.gz'))).toEqual([
      'AWS.CloudTrail',
    ]);
    expect(names(resolveSource(sources, 'raw', 'raw', 'AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/22/d.json.gz'))).toEqual([
      'AWS.CloudTrailDigest',
    ]);
  });

  it('reads the digests a CloudTrail source receives as digests, not as bad CloudTrail', () => {
    expect(names(resolveSource(sources, 'raw', 'raw', 'trail/AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/22/d.json.gz'))).toEqual([
      'AWS.CloudTrailDigest',
    ]);
  });

  it('tries every log type for other keys of a source that names none', () => {
    expect(names(resolveSource(sources, 'raw', 'raw', 'inbox/something.log'))).toEqual([
      'AWS.CloudTrail',
      'AWS.GuardDuty',
      'AWS.CloudTrailInsight',
      'AWS.CloudTrailDigest',
      'AWS.VPCDns',
      'AWS.WAFWebACL',
      'AWS.CloudWatchEvents',
      'AWS.S3ServerAccess',
      'AWS.ALB',
      'AWS.VPCFlow',
      'AWS.AuroraMySQLAudit',
    ]);
  });

  it('names the known log types when a source names an unknown one', () => {
    expect(() => resolveSource([{ label: 'x', prefix: '', logTypes: ['AWS.Nope'] }], 'raw', 'raw', 'k')).toThrow(
      'unknown log type "AWS.Nope"; known: AWS.CloudTrail, AWS.GuardDuty',
    );
  });
});
