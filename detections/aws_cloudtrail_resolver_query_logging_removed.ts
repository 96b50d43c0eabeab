import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './cloudtrail_fields';

/** VPC (Resolver) query logs and public hosted zone query logs. */
const REMOVALS = new Map([
  ['route53resolver.amazonaws.com DeleteResolverQueryLogConfig', 'deleted Resolver query logging config'],
  ['route53resolver.amazonaws.com DisassociateResolverQueryLogConfig', 'stopped Resolver query logging for'],
  ['route53.amazonaws.com DeleteQueryLoggingConfig', 'deleted hosted zone query logging config'],
]);

function removal(event: CloudTrailEvent): string | undefined {
  return REMOVALS.get(`${event.eventSource} ${event.eventName}`);
}

function targetOf(event: CloudTrailEvent): string {
  return requestText(event, 'resourceId') ?? requestText(event, 'resolverQueryLogConfigId') ?? requestText(event, 'id') ?? 'unknown';
}

export default defineRule({
  id: 'AWS.CloudTrail.ResolverQueryLoggingRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'Route 53 DNS query logging was deleted or detached from a VPC. DNS logs are how C2 beacons, mining pools and DNS tunnelling are found; removing them is defence evasion.',
  runbook:
    'Re-associate the query logging config with the VPC (or recreate it) and ask the actor why it was removed. Look at VPC flow logs for unusual DNS or outbound traffic from the VPC while logging was off.',
  reference: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => removal(event) !== undefined && succeeded(event),
  title: (event) => `${actorOf(event)} ${removal(event) ?? 'removed DNS query logging'} ${targetOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${targetOf(event)}`,
  alertContext: callContext,
  tests: [
    { name: 'detaching query logging from a VPC matches', expect: true, event: cloudTrailWrite({ eventSource: 'route53resolver.amazonaws.com', eventName: 'DisassociateResolverQueryLogConfig', requestParameters: { resolverQueryLogConfigId: 'rqlc-0a1b2c3d4e5f6789', resourceId: 'vpc-0abc1234def567890' } }) },
    { name: 'deleting the config matches', expect: true, event: cloudTrailWrite({ eventSource: 'route53resolver.amazonaws.com', eventName: 'DeleteResolverQueryLogConfig', requestParameters: { resolverQueryLogConfigId: 'rqlc-0a1b2c3d4e5f6789' } }) },
    { name: 'associating query logging does not match', expect: false, event: cloudTrailWrite({ eventSource: 'route53resolver.amazonaws.com', eventName: 'AssociateResolverQueryLogConfig', requestParameters: { resolverQueryLogConfigId: 'rqlc-0a1b2c3d4e5f6789', resourceId: 'vpc-0abc1234def567890' } }) },
    { name: 'a denied attempt does not match', expect: false, event: cloudTrailWrite({ eventSource: 'route53resolver.amazonaws.com', eventName: 'DeleteResolverQueryLogConfig', errorCode: 'AccessDeniedException', requestParameters: { resolverQueryLogConfigId: 'rqlc-0a1b2c3d4e5f6789' } }) },
  ],
});
