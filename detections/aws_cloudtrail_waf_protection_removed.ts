import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const WAF_SOURCES = new Set(['wafv2.amazonaws.com', 'waf-regional.amazonaws.com', 'waf.amazonaws.com']);
const REMOVALS = new Map([
  ['DisassociateWebACL', 'removed the web ACL from'],
  ['DeleteWebACL', 'deleted web ACL'],
  ['DeleteLoggingConfiguration', 'turned off WAF logging for'],
]);

function targetOf(event: CloudTrailEvent): string {
  return (
    requestText(event, 'ResourceArn') ?? requestText(event, 'resourceArn') ?? requestText(event, 'Name') ?? requestText(event, 'webACLId') ?? 'unknown resource'
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.WafProtectionRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A WAF web ACL was detached from a load balancer, API or distribution, deleted, or had its logging turned off, outside the deployment pipeline. The application loses its filtering (or its record of attacks) right before an attack that the WAF would have stopped or recorded.',
  runbook:
    "Re-associate the web ACL (or restore logging) if the change was not planned, and ask the actor why. Check the application's access logs from the change onward for the traffic the WAF blocks.",
  reference: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html',
  tags: ['TA0005:T1562.001', 'TA0005:T1562.008'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    WAF_SOURCES.has(event.eventSource ?? '') && REMOVALS.has(event.eventName ?? '') && succeeded(event) && !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} ${REMOVALS.get(event.eventName ?? '') ?? 'changed'} ${targetOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${targetOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'detaching a web ACL from a load balancer matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'wafv2.amazonaws.com',
        eventName: 'DisassociateWebACL',
        requestParameters: { ResourceArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/orders/50dc6c495c0c9188' },
      }),
    },
    {
      name: 'turning off WAF logging matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'wafv2.amazonaws.com',
        eventName: 'DeleteLoggingConfiguration',
        requestParameters: { ResourceArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/orders/a1b2c3d4' },
      }),
    },
    {
      name: 'the pipeline replacing a web ACL does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'wafv2.amazonaws.com',
        eventName: 'DeleteWebACL',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-1'),
        requestParameters: { Name: 'orders-old', Scope: 'REGIONAL', Id: 'a1b2' },
      }),
    },
    {
      name: 'associating a web ACL does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'wafv2.amazonaws.com',
        eventName: 'AssociateWebACL',
        requestParameters: { ResourceArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/orders/50dc6c495c0c9188' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'wafv2.amazonaws.com',
        eventName: 'DisassociateWebACL',
        errorCode: 'AccessDeniedException',
        requestParameters: { ResourceArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/orders/50dc' },
      }),
    },
  ],
});
