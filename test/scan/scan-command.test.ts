import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCommand } from '../../src/cli/scan-command';
import { isProwlError } from '../../src/errors';
import { credentialReport, iamRootUser, s3Bucket, securityGroup, tcpPermission } from '../../src/scan/test-resources';
import { captureIO } from '../helpers/run-cli';

const compliantBucket = s3Bucket({ Name: 'kept' });
const exposedGroup = securityGroup({ IpPermissions: [tcpPermission(22, ['0.0.0.0/0'])] });
const rootWithoutMfa = iamRootUser({ CredentialReport: credentialReport({ ARN: 'arn:aws:iam::123456789012:root', MfaActive: false, PasswordLastUsed: null }) });

function directory(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'prowl-scan-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isProwlError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the command to fail');
}

describe('prowl scan --resources', () => {
  it('prints one line per failure with severity, policy, title and resource, and exits 1', async () => {
    const dir = directory({
      'bucket.json': JSON.stringify(compliantBucket),
      'groups.jsonl': JSON.stringify(exposedGroup),
      'account.json': JSON.stringify([rootWithoutMfa]),
    });
    const io = captureIO();

    const code = await scanCommand(['--resources', dir], io);

    expect(code).toBe(1);
    expect(io.out().trim().split('\n')).toEqual([
      '[CRITICAL] AWS.IAM.RootUser.MFADisabled — Root user of account 123456789012 has no MFA (arn:aws:iam::123456789012:root, 123456789012 global)',
      '[HIGH] AWS.EC2.SecurityGroup.AdminPortsOpenToWorld — Security group sg-0123456789abcdef0 (web) opens port 22 to the internet (arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0, 123456789012 us-east-1)',
    ]);
    expect(io.err()).toMatch(/^3 file\(s\), 3 resource\(s\), \d+ policies: \d+ check\(s\) passed, 2 failed, 0 suppressed, 0 error\(s\)$/m);
  });

  it('prints one JSON object per failure with --format json', async () => {
    const dir = directory({ 'group.json': JSON.stringify(exposedGroup) });
    const io = captureIO();

    await scanCommand(['--resources', join(dir, 'group.json'), '--format', 'json'], io);

    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        policyId: 'AWS.EC2.SecurityGroup.AdminPortsOpenToWorld',
        resourceId: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0',
        resourceType: 'AWS.EC2.SecurityGroup',
        severity: 'HIGH',
        title: 'Security group sg-0123456789abcdef0 (web) opens port 22 to the internet',
        accountId: '123456789012',
        region: 'us-east-1',
        context: { groupId: 'sg-0123456789abcdef0', vpcId: 'vpc-0a1b2c3d4e5f60718', openPorts: [22] },
      },
    ]);
  });

  it('exits 0 when every resource complies', async () => {
    const dir = directory({ 'bucket.json': JSON.stringify(compliantBucket) });
    const io = captureIO();

    expect(await scanCommand(['--resources', dir], io)).toBe(0);
    expect(io.out()).toBe('');
  });

  it('evaluates only the policies whose id contains --policy', async () => {
    const dir = directory({ 'all.json': JSON.stringify([exposedGroup, rootWithoutMfa]) });
    const io = captureIO();

    await scanCommand(['--resources', dir, '--policy', 'RootUser', '--format', 'json'], io);

    expect(
      io
        .out()
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { policyId: string }).policyId),
    ).toEqual(['AWS.IAM.RootUser.MFADisabled']);
  });

  it('names files in a directory it skipped for their extension', async () => {
    const dir = directory({ 'bucket.json': JSON.stringify(compliantBucket), 'README.md': '# exports' });
    const io = captureIO();

    await scanCommand(['--resources', dir], io);

    expect(io.err()).toContain('skipped README.md: not a .json, .jsonl or .ndjson file');
  });

  it('names a bad file and each malformed resource, still evaluates the others, and exits 1', async () => {
    const malformed = { ...exposedGroup, IpPermissions: 'everything' };
    const dir = directory({ 'good.json': JSON.stringify([compliantBucket, malformed, exposedGroup]), 'bad.json': 'not json at all' });
    const io = captureIO();

    const code = await scanCommand(['--resources', dir, '--format', 'json'], io);

    expect(code).toBe(1);
    expect(
      io
        .out()
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { policyId: string }).policyId),
    ).toEqual(['AWS.EC2.SecurityGroup.AdminPortsOpenToWorld']);
    expect(io.err()).toMatch(
      /^invalid resource: bad\.json: is not JSON \(.+\) nor JSON lines \(.+\); expected one resource JSON object, a JSON array of resources, or JSON lines/m,
    );
    expect(io.err()).toMatch(/^invalid resource: good\.json\[1\]: not a valid AWS\.EC2\.SecurityGroup resource:\n {4}IpPermissions: /m);
    expect(io.err()).toMatch(/2 resource\(s\) \(2 invalid, skipped\)/);
  });

  it('judges the S3 bucket exactly as Panther prints it: a public READ grant and AES256 fail, a locked-down KMS bucket passes', async () => {
    const tutorial = readFileSync(join(__dirname, '..', 'fixtures', 'panther', 's3-bucket-public.json'), 'utf8');
    const lockedDown = s3Bucket({ Name: 'locked' });
    const dir = directory({ 'tutorial.json': tutorial, 'locked.json': JSON.stringify(lockedDown) });
    const io = captureIO();

    await scanCommand(['--resources', dir, '--format', 'json', '--policy', 'AWS.S3.Bucket'], io);

    const failed = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { policyId: string; resourceId: string });
    const byResource = (id: string): string[] => failed.filter((failure) => failure.resourceId === id).map((failure) => failure.policyId);
    expect(byResource('arn:aws:s3:::example-bucket')).toEqual(expect.arrayContaining(['AWS.S3.Bucket.PublicACLGrant', 'AWS.S3.Bucket.KMSEncryptionDisabled']));
    expect(byResource('arn:aws:s3:::locked')).toEqual([]);
  });

  it('explains bad usage', async () => {
    expect(await rejection(scanCommand([], captureIO()))).toEqual({ code: 'prowl_bad_command', message: expect.stringContaining('--resources is required') });
    expect(await rejection(scanCommand(['--resources', '.', '--format', 'yaml'], captureIO()))).toEqual({
      code: 'prowl_bad_command',
      message: '--format must be text or json, not "yaml"',
    });
    expect(await rejection(scanCommand(['--resources', '/nonexistent/prowl'], captureIO()))).toEqual({
      code: 'prowl_bad_input',
      message: '/nonexistent/prowl does not exist; give a resource JSON file or a directory of them',
    });
  });
});
