import { policies } from '../../detections/policies';
import { parseConfigFile } from '../../src/config/config-file';
import { DEFAULT_SCAN_POLICY_SETTINGS } from '../../src/config/scan-policy-settings';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import { s3Bucket, securityGroup, tcpPermission, testPolicyContext, vpc } from '../../src/scan/test-resources';

const only = (id: string): typeof policies => policies.filter((policy) => policy.id === id);
const CONFIG = ['sources: [{ label: ct, logTypes: [AWS.CloudTrail] }]', "slack: { defaultChannel: '#sec', opsChannel: '#ops' }"];

describe('scan policy settings', () => {
  it('come from prowl.config.yml and change what the policies hold resources to, through their context', () => {
    const config = parseConfigFile(
      [
        ...CONFIG,
        'detections:',
        '  approvedRegions: [ap-southeast-3]',
        "  publicBuckets: ['arn:aws:s3:::docs-*']",
        'scanPolicies:',
        '  adminPorts: [2222]',
      ].join('\n'),
      'prowl.config.yml',
    );
    const context = testPolicyContext({ settings: config.detections, standards: config.scanPolicies });

    const region = only('AWS.Resource.UnapprovedRegion');
    expect(evaluatePolicies(region, [vpc({ Region: 'ap-southeast-3' })], context).failures).toEqual([]);
    expect(evaluatePolicies(region, [vpc()], context).failures).toHaveLength(1);

    const ssh = only('AWS.EC2.SecurityGroup.AdminPortsOpenToWorld');
    expect(evaluatePolicies(ssh, [securityGroup({ IpPermissions: [tcpPermission(22, ['0.0.0.0/0'])] })], context).failures).toEqual([]);
    expect(evaluatePolicies(ssh, [securityGroup({ IpPermissions: [tcpPermission(2222, ['0.0.0.0/0'])] })], context).failures).toHaveLength(1);

    const acl = only('AWS.S3.Bucket.PublicACLGrant');
    const docs = s3Bucket({
      Name: 'docs-site',
      PublicAccessBlockConfiguration: null,
      Grants: [
        {
          Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers', ID: null, DisplayName: null, EmailAddress: null },
          Permission: 'READ',
        },
      ],
    });
    expect(evaluatePolicies(acl, [docs], context).failures).toEqual([]);
    expect(evaluatePolicies(acl, [docs], testPolicyContext()).failures).toHaveLength(1);
  });

  it('default to the built-in standards when prowl.config.yml has no scanPolicies', () => {
    const config = parseConfigFile(CONFIG.join('\n'), 'prowl.config.yml');
    expect(config.scanPolicies).toEqual(DEFAULT_SCAN_POLICY_SETTINGS);
    expect(config.scanPolicies.adminPorts).toEqual([22, 3389]);
    expect(config.scanPolicies.passwordPolicy).toEqual({ minimumLength: 14, reusePrevention: 24 });
  });

  it('say which key is wrong and what it accepts', () => {
    expect(() => parseConfigFile([...CONFIG, 'scanPolicies: { adminPorts: [70000] }'].join('\n'), 'prowl.config.yml')).toThrow(/scanPolicies\.adminPorts\.0/);
  });
});
