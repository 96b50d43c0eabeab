import { policies } from '../../detections/policies';
import { applyPolicySettings, parsePolicySettings, policySettings } from '../../detections/policies/settings';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import { parseConfigFile } from '../../src/config/config-file';
import { s3Bucket, securityGroup, tcpPermission, vpc } from '../../src/scan/test-resources';

const regionPolicy = policies.filter((policy) => policy.id === 'AWS.Resource.UnapprovedRegion');
const defaults = parsePolicySettings({ publicBuckets: ['arn:aws:s3:::acme-public-website-*'] });

describe('scan policy settings', () => {
  afterEach(() => {
    applyPolicySettings(defaults);
  });

  it('come from prowl.config.yml and change what the policies hold resources to', () => {
    const config = parseConfigFile(
      ['sources: [{ label: ct, logTypes: [AWS.CloudTrail] }]', "slack: { defaultChannel: '#sec', opsChannel: '#ops' }", 'scanPolicies:', '  approvedRegions: [ap-southeast-3]', '  adminPorts: [2222]', "  publicBuckets: ['arn:aws:s3:::docs-*']"].join('\n'),
      'prowl.config.yml',
    );
    applyPolicySettings(config.scanPolicies);

    const inJakarta = vpc({ Region: 'ap-southeast-3' });
    expect(evaluatePolicies(regionPolicy, [inJakarta]).failures).toEqual([]);
    expect(evaluatePolicies(regionPolicy, [vpc()]).failures).toHaveLength(1);

    const ssh = policies.filter((policy) => policy.id === 'AWS.EC2.SecurityGroup.AdminPortsOpenToWorld');
    expect(evaluatePolicies(ssh, [securityGroup({ IpPermissions: [tcpPermission(22, ['0.0.0.0/0'])] })]).failures).toEqual([]);
    expect(evaluatePolicies(ssh, [securityGroup({ IpPermissions: [tcpPermission(2222, ['0.0.0.0/0'])] })]).failures).toHaveLength(1);

    const acl = policies.filter((policy) => policy.id === 'AWS.S3.Bucket.PublicACLGrant');
    const docs = s3Bucket({ Name: 'docs-site', PublicAccessBlockConfiguration: null, Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers', ID: null, DisplayName: null, EmailAddress: null }, Permission: 'READ' }] });
    expect(evaluatePolicies(acl, [docs]).suppressed).toHaveLength(1);
  });

  it('default to the log rules\' approved regions and the built-in standards', () => {
    expect(policySettings.approvedRegions).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    expect(policySettings.adminPorts).toEqual([22, 3389]);
    expect(policySettings.passwordPolicy).toEqual({ minimumLength: 14, reusePrevention: 24 });
  });

  it('say which key is wrong and what it accepts', () => {
    expect(() => parseConfigFile(['sources: [{ label: ct }]', "slack: { defaultChannel: '#sec', opsChannel: '#ops' }", 'scanPolicies: { approvedRegions: [mars] }'].join('\n'), 'prowl.config.yml')).toThrow(
      /scanPolicies\.approvedRegions\.0: expected an AWS region name such as us-east-1/,
    );
  });
});
