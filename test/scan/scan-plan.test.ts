import { isProwlError } from '../../src/errors';
import { narrowPlan, parseScanPlan, roleArnFor } from '../../src/scan/scan-plan';

const minimal = { externalId: 'prowl-7d3f', accounts: [{ id: '111111111111', regions: ['us-east-1'] }] };

function problemsWith(input: unknown): string {
  try {
    parseScanPlan(input, 'prowl.config.yml scan');
  } catch (error) {
    if (isProwlError(error, 'prowl_config_invalid')) return error.message;
    throw error;
  }
  throw new Error('expected the plan to be rejected');
}

describe('scan plan', () => {
  it('fills in the role name, session name, partition and home region', () => {
    const plan = parseScanPlan(minimal);
    expect(plan).toEqual({
      ...minimal,
      roleName: 'ProwlAudit',
      sessionName: 'prowl-scan',
      partition: 'aws',
      homeRegion: 'us-east-1',
      realTime: { enabled: true, debounceSeconds: 60 },
    });
    expect(roleArnFor(plan.accounts[0]!, plan)).toBe('arn:aws:iam::111111111111:role/ProwlAudit');
  });

  it('names the field and what is accepted when an account id, region or external id is wrong', () => {
    const message = problemsWith({ externalId: 'x', accounts: [{ id: '1234', regions: ['mars-1'] }] });
    expect(message).toContain('prowl.config.yml scan is invalid');
    expect(message).toContain('scan.externalId: expected 2–1224 characters');
    expect(message).toContain('scan.accounts.0.id: expected a 12-digit AWS account id');
    expect(message).toContain('scan.accounts.0.regions.0: expected an AWS region name such as us-east-1');
  });

  it('takes real-time re-scan settings and says what a bad debounce window may be', () => {
    expect(parseScanPlan({ ...minimal, realTime: { debounceSeconds: 30 } }).realTime).toEqual({ enabled: true, debounceSeconds: 30 });
    expect(parseScanPlan({ ...minimal, realTime: { enabled: false } }).realTime).toEqual({ enabled: false, debounceSeconds: 60 });
    expect(problemsWith({ ...minimal, realTime: { debounceSeconds: 3600 } })).toContain('scan.realTime.debounceSeconds: at most 600 seconds');
  });

  it('rejects an account listed twice and a role ARN in another account', () => {
    const message = problemsWith({
      externalId: 'prowl-7d3f',
      accounts: [
        { id: '111111111111', regions: ['us-east-1'] },
        { id: '111111111111', regions: 'all', roleArn: 'arn:aws:iam::222222222222:role/ProwlAudit' },
      ],
    });
    expect(message).toContain('scan.accounts.1.id: account 111111111111 is listed twice');
    expect(message).toContain('scan.accounts.1.roleArn: the role must be in account 111111111111');
  });

  it('rejects unknown keys and resource types', () => {
    const message = problemsWith({ ...minimal, roles: 'ProwlAudit', resourceTypes: ['AWS.SNS.Topic'] });
    expect(message).toMatch(/roles/);
    expect(message).toContain('scan.resourceTypes.0');
  });

  it('narrows a plan to one account and one resource type, matching the type case-insensitively', () => {
    const plan = parseScanPlan({ ...minimal, accounts: [...minimal.accounts, { id: '222222222222', regions: ['eu-west-1'] }] });
    const narrowed = narrowPlan(plan, { accountId: '222222222222', resourceType: 'aws.s3.bucket' });
    expect(narrowed.accounts.map((a) => a.id)).toEqual(['222222222222']);
    expect(narrowed.resourceTypes).toEqual(['AWS.S3.Bucket']);
  });

  it('refuses to narrow to an account or type the plan does not cover, listing what it does', () => {
    const plan = parseScanPlan(minimal);
    expect(() => narrowPlan(plan, { accountId: '999999999999' })).toThrow('account 999999999999 is not in the scan plan; scanned accounts: 111111111111');
    expect(() => narrowPlan(plan, { resourceType: 'AWS.SNS.Topic' })).toThrow(/unknown resource type "AWS.SNS.Topic"; scanned types: AWS.S3.Bucket, /);
  });
});
