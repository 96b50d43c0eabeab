import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

const REMOVALS = new Map([
  ['DeleteProtection', 'removed Shield Advanced protection'],
  ['DeleteProtectionGroup', 'deleted a Shield Advanced protection group'],
  ['DisableProactiveEngagement', 'turned off Shield proactive engagement'],
  ['DisassociateDRTRole', "removed the Shield Response Team's access role"],
]);

function targetOf(event: CloudTrailEvent): string {
  return requestText(event, 'ProtectionId') ?? requestText(event, 'ProtectionGroupId') ?? 'the account';
}

export default defineRule({
  id: 'AWS.CloudTrail.ShieldProtectionRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'AWS Shield Advanced protection was removed from a resource, a protection group deleted, or the Shield Response Team cut off: the next DDoS against that resource meets no advanced mitigation, and nobody at AWS is engaged.',
  runbook:
    "Restore the protection (`aws shield create-protection`) unless the resource is being retired, and ask the actor why. Watch the resource's traffic metrics; a removal just before a traffic spike is the pattern to fear.",
  reference: 'https://docs.aws.amazon.com/waf/latest/developerguide/ddos-manage-protected-resources.html',
  tags: ['TA0005:T1562.001', 'TA0040:T1498'],
  rule: (event) => event.eventSource === 'shield.amazonaws.com' && REMOVALS.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} ${REMOVALS.get(event.eventName ?? '') ?? 'weakened Shield'} (${targetOf(event)}) in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${targetOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'removing protection from a resource matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'shield.amazonaws.com',
        eventName: 'DeleteProtection',
        requestParameters: { ProtectionId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' },
      }),
    },
    {
      name: 'adding protection does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'shield.amazonaws.com',
        eventName: 'CreateProtection',
        requestParameters: { Name: 'alb', ResourceArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/orders/50dc' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'shield.amazonaws.com',
        eventName: 'DeleteProtection',
        errorCode: 'AccessDeniedException',
        requestParameters: { ProtectionId: 'a1b2' },
      }),
    },
  ],
});
