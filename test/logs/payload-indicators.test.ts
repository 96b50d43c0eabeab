import { IndicatorSet } from '../../src/logs/indicators';
import { payloadIndicators } from '../../src/logs/payload-indicators';

function found(...payloads: unknown[]): Record<string, string[]> {
  const set = new IndicatorSet();
  payloadIndicators(set, ...payloads);
  return set.toFields() as Record<string, string[]>;
}

describe('indicators inside free-form AWS payloads', () => {
  it('are found by key name at any depth, and ARNs by their shape under any key', () => {
    expect(
      found({
        instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0', privateIpAddress: '10.0.1.5', ipv6Addresses: ['2001:db8::5'], tagSet: { items: [] } }] },
        networkInterface: { attachment: { ownerAccountId: '210987654321' }, privateDnsName: 'ip-10-0-1-5.ec2.internal' },
        encryptionContext: { 'aws:lambda:FunctionArn': 'arn:aws:lambda:us-east-1:123456789012:function:orders' },
        tags: [
          { key: 'team', value: 'payments' },
          { Key: 'Name', Value: 'orders' },
          { key: 'empty', value: '' },
        ],
      }),
    ).toEqual({
      p_any_ip_addresses: ['10.0.1.5', '2001:db8::5'],
      p_any_domain_names: ['ip-10-0-1-5.ec2.internal'],
      p_any_aws_account_ids: ['123456789012', '210987654321'],
      p_any_aws_arns: ['arn:aws:lambda:us-east-1:123456789012:function:orders'],
      p_any_aws_instance_ids: ['i-0123456789abcdef0'],
      p_any_aws_tags: ['Name:orders', 'team:payments'],
    });
  });

  it('reads an EC2 instance ARN for its instance id, and ignores strings that only start like an ARN', () => {
    expect(found({ resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0fedcba9876543210', note: 'arn: is how ARNs start' })).toEqual({
      p_any_aws_arns: ['arn:aws:ec2:us-east-1:123456789012:instance/i-0fedcba9876543210'],
      p_any_aws_account_ids: ['123456789012'],
      p_any_aws_instance_ids: ['i-0fedcba9876543210'],
    });
  });

  it('survives a payload nested far deeper than any AWS API writes, keeping what is near the top', () => {
    let deep: Record<string, unknown> = { roleArn: 'arn:aws:iam::123456789012:role/too-deep' };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(found({ roleArn: 'arn:aws:iam::123456789012:role/top', deep })).toEqual({
      p_any_aws_arns: ['arn:aws:iam::123456789012:role/top'],
      p_any_aws_account_ids: ['123456789012'],
    });
  });

  it('stops after a bounded number of values in a huge payload instead of collecting all of them', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({ instanceId: `i-${i.toString(16).padStart(17, '0')}` }));
    const ids = found({ items }).p_any_aws_instance_ids ?? [];
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids.length).toBeLessThan(200_000);
  });

  it('ignores values of the wrong type under indicator keys', () => {
    expect(found({ instanceId: 42, accountId: { nested: true }, arn: null, tags: 'not-a-tag', domain: '' })).toEqual({});
  });
});
