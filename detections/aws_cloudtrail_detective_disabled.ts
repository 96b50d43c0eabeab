import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, succeeded, whereOf } from './lib/cloudtrail_fields';

const DISABLING = new Map([
  ['DeleteGraph', 'deleted the Detective behavior graph'],
  ['DisassociateMembership', 'took the account out of the Detective behavior graph'],
  ['DeleteMembers', 'removed member accounts from Detective'],
  ['DisableOrganizationAdminAccount', 'removed the Detective delegated administrator'],
]);

export default defineRule({
  id: 'AWS.CloudTrail.DetectiveDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Amazon Detective was switched off or an account left its behavior graph: the history investigators use to follow a GuardDuty finding back through CloudTrail, VPC and EKS activity stops being collected.',
  runbook:
    'Re-enable Detective (or re-invite the member) from the administrator account and ask the actor why. The graph cannot be restored once deleted: preserve CloudTrail and flow logs for the period instead.',
  reference: 'https://docs.aws.amazon.com/detective/latest/adminguide/detective-disabling.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'detective.amazonaws.com' && DISABLING.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} ${DISABLING.get(event.eventName ?? '') ?? 'disabled Detective'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:detective`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting the graph matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'detective.amazonaws.com',
        eventName: 'DeleteGraph',
        requestParameters: { GraphArn: 'arn:aws:detective:us-east-1:123456789012:graph:027c7c4610ea4aacaf0b883093cab899' },
      }),
    },
    {
      name: 'leaving the graph matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'detective.amazonaws.com',
        eventName: 'DisassociateMembership',
        requestParameters: { GraphArn: 'arn:aws:detective:us-east-1:111122223333:graph:027c7c4610ea4aacaf0b883093cab899' },
      }),
    },
    {
      name: 'listing graphs does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'detective.amazonaws.com', eventName: 'ListGraphs', readOnly: true }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'detective.amazonaws.com',
        eventName: 'DeleteGraph',
        errorCode: 'AccessDeniedException',
        requestParameters: { GraphArn: 'arn:aws:detective:us-east-1:123456789012:graph:027c' },
      }),
    },
  ],
});
