import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestText, succeeded } from './lib/cloudtrail_fields';

function configOf(event: CloudTrailEvent): string {
  return requestText(event, 'id') ?? 'unknown configuration';
}

export default defineRule({
  id: 'AWS.CloudTrail.HostedZoneQueryLoggingRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "Query logging was deleted for a Route 53 public hosted zone: the record of who resolves your domains (reconnaissance, traffic to a hijacked or phishing subdomain) stops. VPC Resolver query logs are AWS.CloudTrail.Route53ResolverQueryLoggingRemoved's.",
  runbook:
    'Recreate the query logging configuration for the zone (`aws route53 create-query-logging-config`) and ask the actor why it was removed. Review record changes in the zone made around the same time.',
  reference: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) =>
    event.eventSource === 'route53.amazonaws.com' && event.eventName === 'DeleteQueryLoggingConfig' && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => `${actorOf(event)} deleted hosted zone query logging ${configOf(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${configOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting hosted zone query logging matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'route53.amazonaws.com',
        eventName: 'DeleteQueryLoggingConfig',
        requestParameters: { id: '87654321-dcba-4321-abcd-123456789012' },
      }),
    },
    {
      name: 'creating it does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'route53.amazonaws.com',
        eventName: 'CreateQueryLoggingConfig',
        requestParameters: {
          hostedZoneId: 'Z1D633PJN98FT9',
          cloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com',
        },
      }),
    },
    {
      name: "Resolver query logging is the Resolver rule's",
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'route53resolver.amazonaws.com',
        eventName: 'DeleteResolverQueryLogConfig',
        requestParameters: { resolverQueryLogConfigId: 'rqlc-0a1b2c3d4e5f6789' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'route53.amazonaws.com',
        eventName: 'DeleteQueryLoggingConfig',
        errorCode: 'AccessDenied',
        requestParameters: { id: '87654321-dcba-4321-abcd-123456789012' },
      }),
    },
  ],
});
