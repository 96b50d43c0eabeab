import { parseResourceText } from '../../src/scan/resource-json';
import { iamRootUser, s3Bucket, securityGroup } from '../../src/scan/test-resources';

const bucket = s3Bucket();
const group = securityGroup();
const root = iamRootUser();

describe('parseResourceText', () => {
  it('reads one resource object, a JSON array, or JSON lines', () => {
    expect(parseResourceText(JSON.stringify(bucket, null, 2), 'one.json')).toEqual({ resources: [bucket], problems: [] });
    expect(parseResourceText(JSON.stringify([bucket, group]), 'many.json')).toEqual({ resources: [bucket, group], problems: [] });
    expect(parseResourceText(`${JSON.stringify(bucket)}\n\n${JSON.stringify(root)}\r\n`, 'lines.jsonl')).toEqual({ resources: [bucket, root], problems: [] });
  });

  it('names the position of each invalid resource and what is wrong with it, keeping the valid ones', () => {
    const broken = { ...group, IpPermissions: 'all' };
    const parsed = parseResourceText(JSON.stringify([bucket, broken, { ResourceType: 'AWS.SNS.Topic' }]), 'export.json');

    expect(parsed.resources).toEqual([bucket]);
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^export\.json\[1\]: not a valid AWS\.EC2\.SecurityGroup resource:\n {4}IpPermissions: /),
      expect.stringMatching(/^export\.json\[2\]: ResourceType "AWS\.SNS\.Topic"; expected one of AWS\.S3\.Bucket, /),
    ]);
  });

  it('keeps fields no policy reads and reads missing optional fields as null, as Panther writes them', () => {
    const parsed = parseResourceText(
      JSON.stringify({
        ResourceType: 'AWS.S3.Bucket',
        ResourceId: 'arn:aws:s3:::bare',
        AccountId: '123456789012',
        Region: 'us-east-1',
        Name: 'bare',
        Website: { IndexDocument: 'index.html' },
      }),
      'extra.json',
    );

    expect(parsed.problems).toEqual([]);
    expect(parsed.resources[0]).toMatchObject({
      Website: { IndexDocument: 'index.html' },
      EncryptionRules: null,
      Grants: null,
      PublicAccessBlockConfiguration: null,
      Versioning: null,
      Tags: null,
    });
  });

  it('names the line of a broken JSON line', () => {
    const parsed = parseResourceText(`${JSON.stringify(bucket)}\n{"ResourceType": \n`, 'lines.jsonl');

    expect(parsed.resources).toEqual([bucket]);
    expect(parsed.problems).toEqual([expect.stringMatching(/^lines\.jsonl:2: not valid JSON \(.+\); in JSON lines each line must be one resource object$/)]);
  });

  it('says what is accepted when the file is empty, not JSON, or a JSON scalar', () => {
    const accepted = 'expected one resource JSON object, a JSON array of resources, or JSON lines (one resource object per line)';
    expect(parseResourceText('  \n', 'empty.json').problems).toEqual([`empty.json: the file is empty; ${accepted}`]);
    expect(parseResourceText('ResourceType,ResourceId\n', 'table.csv').problems).toEqual([
      expect.stringMatching(/^table\.csv: is not JSON \(.+\) nor JSON lines \(line 1: .+\); expected one resource JSON object/),
    ]);
    expect(parseResourceText('42', 'number.json').problems).toEqual([`number.json: holds a JSON number; ${accepted}`]);
  });
});
