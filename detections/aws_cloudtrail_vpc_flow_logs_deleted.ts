import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, items, list, strings } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, succeeded, whereOf } from './lib/cloudtrail_fields';

/**
 * EC2 logs DeleteFlowLogs in its newer wrapped form (`DeleteFlowLogsRequest.FlowLogId` entries with
 * `content`); older records use `flowLogIds` lists. Both are read.
 */
function flowLogIds(event: CloudTrailEvent): string[] {
  const wrapped = list(requestParam(event, 'DeleteFlowLogsRequest', 'FlowLogId')).flatMap((entry) => strings(dig(entry, 'content') ?? entry));
  const plain = [
    ...strings(requestParam(event, 'flowLogIds')),
    ...items(requestParam(event, 'flowLogIds')).flatMap((entry) => strings(dig(entry, 'flowLogId'))),
  ];
  return [...new Set([...wrapped, ...plain])];
}

export default defineRule({
  id: 'AWS.CloudTrail.VpcFlowLogsDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "VPC flow logs were deleted, so network traffic in those VPCs or subnets is no longer recorded (and Prowl's VPC flow detections go quiet for them).",
  runbook:
    "Check which VPC or subnet the flow logs covered (EC2 → VPC → Flow logs, or the flow log id in the lake). Recreate them from IaC. If the deletion was not part of a planned change, review the actor's other activity, especially network and instance changes around the same time.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/working-with-flow-logs.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'DeleteFlowLogs' && succeeded(event),
  title: (event) => `${actorOf(event)} deleted VPC flow logs ${flowLogIds(event).join(', ') || '(ids not recorded)'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), flowLogIds: flowLogIds(event) }),
  tests: [
    {
      name: 'deleting a flow log (wrapped request form) matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'DeleteFlowLogs',
        requestParameters: { DeleteFlowLogsRequest: { FlowLogId: { content: 'fl-0a1b2c3d4e5f67890', tag: 1 } } },
      }),
    },
    {
      name: 'deleting several flow logs (list form) matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'DeleteFlowLogs',
        requestParameters: {
          DeleteFlowLogsRequest: {
            FlowLogId: [
              { content: 'fl-1', tag: 1 },
              { content: 'fl-2', tag: 2 },
            ],
          },
        },
      }),
    },
    {
      name: 'creating flow logs does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'CreateFlowLogs',
        requestParameters: { CreateFlowLogsRequest: { ResourceId: { content: 'vpc-0abc', tag: 1 }, TrafficType: 'ALL' } },
      }),
    },
    {
      name: 'a denied deletion does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'DeleteFlowLogs',
        errorCode: 'Client.UnauthorizedOperation',
        requestParameters: { DeleteFlowLogsRequest: { FlowLogId: { content: 'fl-1', tag: 1 } } },
      }),
    },
  ],
});
