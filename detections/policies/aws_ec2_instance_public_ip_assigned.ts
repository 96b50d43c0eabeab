import { definePolicy } from '../../src/detect/policy';
import { ec2Instance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.Instance.PublicIPAssigned',
  resourceTypes: ['AWS.EC2.Instance'],
  severity: 'LOW',
  description:
    'The instance has a public IPv4 address, so it is reachable from the internet wherever its security groups allow. Most workloads belong behind a load balancer or NAT instead.',
  runbook:
    'If the instance does not need to be reached directly, move it to a private subnet (or disable auto-assign public IP on its subnet and relaunch it) and put a load balancer, NAT gateway or SSM Session Manager in front. If it must be public, keep its security groups tight.',
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
  tags: ['TA0001:T1190'],
  policy: (instance) => !instance.PublicIpAddress || instance.State?.Name === 'stopped',
  title: (instance) => `EC2 instance ${instance.Id ?? instance.ResourceId} has public IP ${instance.PublicIpAddress ?? ''}`,
  tests: [
    { name: 'an instance with only a private address complies', expect: true, resource: ec2Instance() },
    { name: 'an instance with a public address fails', expect: false, resource: ec2Instance({ PublicIpAddress: '203.0.113.10' }) },
  ],
});
