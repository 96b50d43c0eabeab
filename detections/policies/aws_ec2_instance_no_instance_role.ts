import { definePolicy } from '../../src/detect/policy';
import { ec2Instance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.Instance.NoInstanceRole',
  resourceTypes: ['AWS.EC2.Instance'],
  severity: 'LOW',
  description:
    'The instance has no IAM instance profile. Software on it that calls AWS then needs long-lived access keys stored on disk, which leak with backups, images and logs; with a role it gets short-lived credentials instead.',
  runbook:
    'Create a role with the permissions the software needs, attach it as an instance profile (EC2 → the instance → Actions → Security → Modify IAM role), then remove any access keys from the instance and deactivate them in IAM.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
  tags: ['TA0006:T1552.001'],
  policy: (instance) => instance.IamInstanceProfile !== null || instance.State?.Name !== 'running',
  title: (instance) => `Running EC2 instance ${instance.Id ?? instance.ResourceId} has no IAM role`,
  tests: [
    { name: 'an instance with a role complies', expect: true, resource: ec2Instance() },
    { name: 'a stopped instance without a role complies', expect: true, resource: ec2Instance({ IamInstanceProfile: null, State: { Name: 'stopped' } }) },
    { name: 'a running instance without a role fails', expect: false, resource: ec2Instance({ IamInstanceProfile: null }) },
  ],
});
