import { definePolicy } from '../../src/detect/policy';
import { ec2Instance } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.Instance.LegacyMetadataServiceAllowed',
  resourceTypes: ['AWS.EC2.Instance'],
  severity: 'MEDIUM',
  description:
    "The instance still answers IMDSv1: its metadata service hands out the instance role's credentials to any plain GET, so a server-side request forgery in an application on it leaks those credentials (as in the Capital One breach). IMDSv2 requires a session token that such requests cannot obtain.",
  runbook:
    'Check that the software on the instance uses a current AWS SDK or CLI (all support IMDSv2), then set HttpTokens to required: `aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled`. Set it in launch templates too, and consider the account default (ec2:ModifyInstanceMetadataDefaults).',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  tags: ['TA0006:T1552.005'],
  policy: (instance) =>
    instance.MetadataOptions === null || instance.MetadataOptions.HttpEndpoint === 'disabled' || instance.MetadataOptions.HttpTokens === 'required',
  title: (instance) => `EC2 instance ${instance.Id ?? instance.ResourceId}${instance.Name ? ` (${instance.Name})` : ''} accepts IMDSv1 requests`,
  tests: [
    { name: 'an instance requiring IMDSv2 complies', expect: true, resource: ec2Instance() },
    {
      name: 'an instance with the metadata service off complies',
      expect: true,
      resource: ec2Instance({ MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'disabled', HttpPutResponseHopLimit: 1 } }),
    },
    {
      name: 'an instance accepting IMDSv1 fails',
      expect: false,
      resource: ec2Instance({ MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 } }),
    },
  ],
});
