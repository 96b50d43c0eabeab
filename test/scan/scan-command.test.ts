import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCommand } from '../../src/cli/scan-command';
import { isProwlError } from '../../src/errors';
import { iamRootUser, s3Bucket, securityGroup, tcpPermission } from '../../src/scan/test-resources';
import { captureIO } from '../helpers/run-cli';

const compliantBucket = s3Bucket({ Name: 'kept' });
const exposedGroup = securityGroup({ IpPermissions: [tcpPermission(22, ['0.0.0.0/0'])] });
const rootWithoutMfa = iamRootUser({ MfaEnabled: false });

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
    const dir = directory({ 'bucket.json': JSON.stringify(compliantBucket), 'groups.jsonl': JSON.stringify(exposedGroup), 'account.json': JSON.stringify([rootWithoutMfa]) });
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

    const lines = io.out().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        policyId: 'AWS.EC2.SecurityGroup.AdminPortsOpenToWorld',
        resourceId: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0',
        resourceType: 'AWS.EC2.SecurityGroup',
        accountId: '123456789012',
        region: 'us-east-1',
        severity: 'HIGH',
        title: 'Security group sg-0123456789abcdef0 (web) opens port 22 to the internet',
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

    expect(io.out().trim().split('\n').map((line) => (JSON.parse(line) as { policyId: string }).policyId)).toEqual(['AWS.IAM.RootUser.MFADisabled']);
  });

  it('names files in a directory it skipped for their extension', async () => {
    const dir = directory({ 'bucket.json': JSON.stringify(compliantBucket), 'README.md': '# exports' });
    const io = captureIO();

    await scanCommand(['--resources', dir], io);

    expect(io.err()).toContain('skipped README.md: not a .json, .jsonl or .ndjson file');
  });

  it('fails on a bad input file, naming the file and what is accepted', async () => {
    const dir = directory({ 'good.json': JSON.stringify(compliantBucket), 'bad.json': 'not json at all' });

    const failure = await rejection(scanCommand(['--resources', dir], captureIO()));

    expect(failure.code).toBe('prowl_bad_input');
    expect(failure.message).toMatch(/^invalid resource input \(1 problem\):\nbad\.json: is not JSON \(.+\) nor JSON lines \(.+\); expected one resource JSON object, a JSON array of resources, or JSON lines/);
  });

  it('explains bad usage', async () => {
    expect(await rejection(scanCommand([], captureIO()))).toEqual({ code: 'prowl_bad_command', message: expect.stringContaining('--resources is required') });
    expect(await rejection(scanCommand(['--resources', '.', '--format', 'yaml'], captureIO()))).toEqual({ code: 'prowl_bad_command', message: '--format must be text or json, not "yaml"' });
    expect(await rejection(scanCommand(['--resources', '/nonexistent/prowl'], captureIO()))).toEqual({ code: 'prowl_bad_input', message: '/nonexistent/prowl does not exist; give a resource JSON file or a directory of them' });
  });
});
