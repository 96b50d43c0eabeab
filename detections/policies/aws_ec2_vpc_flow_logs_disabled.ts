import { definePolicy } from '../../src/detect/policy';
import { vpc } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.VPC.FlowLogsDisabled',
  resourceTypes: ['AWS.EC2.VPC'],
  severity: 'MEDIUM',
  description:
    'The VPC has no active flow log, so there is no record of which addresses its hosts talked to: scanning, lateral movement and exfiltration through it leave no network trace.',
  runbook:
    'Create a flow log for the VPC (VPC → the VPC → Flow logs → Create) capturing ALL traffic to the central log bucket, which Prowl ingests as AWS.VPCFlow. If a flow log exists but is not ACTIVE, check its IAM role and destination permissions.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
  tags: ['TA0005:T1562.008'],
  policy: (network) => (network.FlowLogs ?? []).some((log) => log.FlowLogStatus === 'ACTIVE'),
  title: (network) => `VPC ${network.Id}${network.IsDefault ? ' (default)' : ''} in ${network.Region} has no active flow log`,
  alertContext: (network) => ({ vpcId: network.Id, isDefault: network.IsDefault, flowLogs: network.FlowLogs ?? [] }),
  tests: [
    { name: 'a VPC with an active flow log complies', expect: true, resource: vpc() },
    { name: 'a VPC without flow logs fails', expect: false, resource: vpc({ FlowLogs: [] }) },
    {
      name: 'a VPC whose only flow log is not active fails',
      expect: false,
      resource: vpc({
        FlowLogs: [
          { FlowLogId: 'fl-0aaa', FlowLogStatus: 'INACTIVE', DeliverLogsStatus: 'FAILED', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' },
        ],
      }),
    },
  ],
});
