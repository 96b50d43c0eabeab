import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { strings } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, succeeded, whereOf } from './lib/cloudtrail_fields';

const DISABLING = new Map([
  ['Disable', 'disabled Inspector scanning'],
  ['DisassociateMember', 'detached a member account from Inspector'],
  ['DisableDelegatedAdminAccount', 'removed the Inspector delegated administrator'],
]);

function scope(event: CloudTrailEvent): string {
  const types = strings(requestParam(event, 'resourceTypes'));
  return types.length > 0 ? ` for ${types.join(', ')}` : '';
}

export default defineRule({
  id: 'AWS.CloudTrail.InspectorDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Amazon Inspector scanning was disabled (for EC2, ECR, Lambda or all), a member account was detached, or the delegated administrator was removed: vulnerable workloads stop being reported.',
  runbook:
    'Re-enable the scan types from the delegated administrator account and ask the actor why. Review what was deployed while scanning was off (new images, functions, instances).',
  reference: 'https://docs.aws.amazon.com/inspector/latest/user/deactivating.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'inspector2.amazonaws.com' && DISABLING.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} ${DISABLING.get(event.eventName ?? '') ?? 'disabled Inspector'}${scope(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:inspector`,
  alertContext: callContext,
  tests: [
    {
      name: 'disabling EC2 and ECR scanning matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'inspector2.amazonaws.com',
        eventName: 'Disable',
        requestParameters: { resourceTypes: ['EC2', 'ECR'], accountIds: ['123456789012'] },
      }),
    },
    {
      name: 'enabling scanning does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'inspector2.amazonaws.com', eventName: 'Enable', requestParameters: { resourceTypes: ['LAMBDA'] } }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'inspector2.amazonaws.com',
        eventName: 'Disable',
        errorCode: 'AccessDeniedException',
        requestParameters: { resourceTypes: ['EC2'] },
      }),
    },
  ],
});
