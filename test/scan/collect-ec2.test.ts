import { DescribeFlowLogsCommand, DescribeNetworkAclsCommand, DescribeSecurityGroupsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { collectEc2NetworkAcls } from '../../src/scan/collectors/ec2-network-acl';
import { collectEc2SecurityGroups } from '../../src/scan/collectors/ec2-security-group';
import { collectEc2Vpcs } from '../../src/scan/collectors/ec2-vpc';
import { accessDenied, collectContext, mockedClients } from './aws-mocks';

const ctx = collectContext({ region: 'eu-west-1' });

describe('EC2 collectors', () => {
  it("keeps a security group as DescribeSecurityGroups returns it, with Panther's Id and Name", async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [
        {
          GroupId: 'sg-1',
          GroupName: 'default',
          Description: 'default VPC security group',
          VpcId: 'vpc-1',
          OwnerId: '123456789012',
          Tags: [{ Key: 'Name', Value: 'main' }],
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'debug' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
            { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1' }], PrefixListIds: [{ PrefixListId: 'pl-1' }] },
          ],
          IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        },
      ],
    });

    const result = await collectEc2SecurityGroups(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      {
        ResourceType: 'AWS.EC2.SecurityGroup',
        ResourceId: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1',
        AccountId: '123456789012',
        Region: 'eu-west-1',
        Arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1',
        Id: 'sg-1',
        Name: 'default',
        Tags: { Name: 'main' },
        TimeCreated: null,
        Description: 'default VPC security group',
        VpcId: 'vpc-1',
        OwnerId: '123456789012',
        // DescribeSecurityGroups' own shape, absent members null.
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'debug' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0', Description: null }],
            PrefixListIds: null,
            UserIdGroupPairs: null,
          },
          {
            IpProtocol: '-1',
            FromPort: null,
            ToPort: null,
            IpRanges: null,
            Ipv6Ranges: null,
            PrefixListIds: [{ PrefixListId: 'pl-1' }],
            UserIdGroupPairs: [{ GroupId: 'sg-1', UserId: null }],
          },
        ],
        IpPermissionsEgress: [
          {
            IpProtocol: '-1',
            FromPort: null,
            ToPort: null,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: null }],
            Ipv6Ranges: null,
            PrefixListIds: null,
            UserIdGroupPairs: null,
          },
        ],
      },
    ]);
  });

  it('attaches to each VPC only the flow logs whose resource is that VPC', async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeVpcsCommand).resolves({
      Vpcs: [
        {
          VpcId: 'vpc-main',
          CidrBlock: '10.0.0.0/16',
          IsDefault: false,
          State: 'available',
          OwnerId: '123456789012',
          Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2001:db8::/56' }],
        },
        { VpcId: 'vpc-default', CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: '123456789012' },
      ],
    });
    aws.ec2.on(DescribeFlowLogsCommand).resolves({
      FlowLogs: [
        { FlowLogId: 'fl-vpc', ResourceId: 'vpc-main', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', TrafficType: 'ALL', LogDestinationType: 's3' },
        { FlowLogId: 'fl-subnet', ResourceId: 'subnet-1', FlowLogStatus: 'ACTIVE', TrafficType: 'REJECT', LogDestinationType: 's3' },
      ],
    });

    const result = await collectEc2Vpcs(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(
      result.resources.map((r) => ({
        id: r.ResourceId,
        isDefault: r.IsDefault,
        ipv6: r.Ipv6CidrBlockAssociationSet,
        flowLogs: (r.FlowLogs ?? []).map((log) => log.FlowLogId),
      })),
    ).toEqual([
      { id: 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-main', isDefault: false, ipv6: [{ Ipv6CidrBlock: '2001:db8::/56' }], flowLogs: ['fl-vpc'] },
      { id: 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-default', isDefault: true, ipv6: null, flowLogs: [] },
    ]);
  });

  it('collects no VPC when the flow logs cannot be read, since none could be judged', async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-main', State: 'available' }] });
    aws.ec2.on(DescribeFlowLogsCommand).rejects(accessDenied('UnauthorizedOperation'));

    const result = await collectEc2Vpcs(aws.clients, ctx);

    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ resourceType: 'AWS.EC2.VPC', operation: 'DescribeFlowLogs', kind: 'access-denied' })]);
    expect(result.errors[0]).not.toHaveProperty('resourceId');
  });

  it('keeps network ACL entries and subnet associations in the shape DescribeNetworkAcls returns', async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        {
          NetworkAclId: 'acl-1',
          VpcId: 'vpc-main',
          IsDefault: true,
          OwnerId: '123456789012',
          Entries: [
            { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } },
            { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0' },
          ],
          Associations: [{ SubnetId: 'subnet-1' }, { SubnetId: 'subnet-2' }],
        },
      ],
    });

    const result = await collectEc2NetworkAcls(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources).toEqual([
      expect.objectContaining({
        ResourceId: 'arn:aws:ec2:eu-west-1:123456789012:network-acl/acl-1',
        IsDefault: true,
        Id: 'acl-1',
        Entries: [
          {
            RuleNumber: 100,
            Protocol: '6',
            RuleAction: 'allow',
            Egress: false,
            CidrBlock: '0.0.0.0/0',
            Ipv6CidrBlock: null,
            PortRange: { From: 443, To: 443 },
          },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: null, Ipv6CidrBlock: '::/0', PortRange: null },
        ],
        Associations: [{ SubnetId: 'subnet-1' }, { SubnetId: 'subnet-2' }],
      }),
    ]);
  });

  it('keeps an ACL entry AWS returned without an action, reading the action as null', async () => {
    const aws = mockedClients();
    aws.ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [{ NetworkAclId: 'acl-odd', VpcId: 'vpc-main', Entries: [{ RuleNumber: 100, Protocol: '-1', Egress: false, CidrBlock: '0.0.0.0/0' }] }],
    });

    const result = await collectEc2NetworkAcls(aws.clients, ctx);

    expect(result.errors).toEqual([]);
    expect(result.resources[0]?.Entries).toEqual([
      { RuleNumber: 100, Protocol: '-1', RuleAction: null, Egress: false, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: null, PortRange: null },
    ]);
  });
});
