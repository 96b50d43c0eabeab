import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const REMOVALS = new Set(['DeleteResolverQueryLogConfig', 'DisassociateResolverQueryLogConfig']);

function configOf(event: CloudTrailEvent): string {
  return requestText(event, 'resolverQueryLogConfigId') ?? 'unknown configuration';
}

export default defineRule({
  id: 'AWS.CloudTrail.Route53ResolverQueryLoggingRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Route 53 Resolver query logging was deleted or detached from a VPC. DNS query logs show which domains hosts look up (command and control, exfiltration over DNS); removing them blinds that view before an attacker uses it.',
  runbook:
    "Find the VPCs that lost query logging (alert context: resourceId, or the configuration's associations) and restore it from IaC. Ask the actor why. Review DNS-related and network changes made by the same principal around the same time.",
  reference: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'route53resolver.amazonaws.com' && REMOVALS.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) =>
    event.eventName === 'DeleteResolverQueryLogConfig'
      ? `${actorOf(event)} deleted DNS query logging configuration ${configOf(event)} in ${whereOf(event)}`
      : `${actorOf(event)} detached DNS query logging ${configOf(event)} from ${requestText(event, 'resourceId') ?? 'a VPC'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${configOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting a query logging configuration matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'route53resolver.amazonaws.com',
        eventName: 'DeleteResolverQueryLogConfig',
        requestParameters: { resolverQueryLogConfigId: 'rqlc-0123456789abcdef' },
      }),
    },
    {
      name: 'detaching it from a VPC matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'route53resolver.amazonaws.com',
        eventName: 'DisassociateResolverQueryLogConfig',
        requestParameters: { resolverQueryLogConfigId: 'rqlc-0123456789abcdef', resourceId: 'vpc-0123456789abcdef0' },
      }),
    },
    {
      name: 'creating one does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'route53resolver.amazonaws.com',
        eventName: 'CreateResolverQueryLogConfig',
        requestParameters: { name: 'vpc-dns', destinationArn: 'arn:aws:s3:::dns-logs' },
      }),
    },
    {
      name: 'a denied deletion does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'route53resolver.amazonaws.com',
        eventName: 'DeleteResolverQueryLogConfig',
        errorCode: 'AccessDeniedException',
        requestParameters: { resolverQueryLogConfigId: 'rqlc-0123456789abcdef' },
      }),
    },
  ],
});
