import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Both the OpenSearch and the legacy Elasticsearch API names carry `accessPolicies`. */
const POLICY_CALLS = new Set(['CreateDomain', 'UpdateDomainConfig', 'CreateElasticsearchDomain', 'UpdateElasticsearchDomainConfig']);

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return POLICY_CALLS.has(event.eventName ?? '') ? resourcePolicyOutsiders(requestParam(event, 'accessPolicies'), event, settings) : [];
}

function domainOf(event: CloudTrailEvent): string {
  return requestText(event, 'domainName') ?? 'unknown domain';
}

function access(principal: unknown, condition?: Record<string, unknown>): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: 'es:*',
        Resource: 'arn:aws:es:us-east-1:123456789012:domain/orders-search/*',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.OpenSearchDomainSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An OpenSearch (Elasticsearch) domain access policy now lets everyone, or an account outside the organization, query the domain. Open search clusters are among the most common sources of large data leaks.',
  runbook:
    'Restore an access policy limited to your roles or networks (an IP condition or VPC access). If the domain has a public endpoint, check its request logs for outside queries since the change, and ask the actor why the policy was opened.',
  reference: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html',
  tags: ['TA0009:T1530', 'TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    (event.eventSource === 'es.amazonaws.com' || event.eventSource === 'opensearch.amazonaws.com') && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} opened OpenSearch domain ${domainOf(event)} to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${domainOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a domain anyone can query matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'es.amazonaws.com',
        eventName: 'UpdateDomainConfig',
        requestParameters: { domainName: 'orders-search', accessPolicies: access({ AWS: '*' }) },
      }),
    },
    {
      name: 'a legacy domain shared with an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'es.amazonaws.com',
        eventName: 'CreateElasticsearchDomain',
        requestParameters: { domainName: 'orders-search', accessPolicies: access({ AWS: 'arn:aws:iam::444455556666:root' }) },
      }),
    },
    {
      name: 'an IP-restricted policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'es.amazonaws.com',
        eventName: 'UpdateDomainConfig',
        requestParameters: { domainName: 'orders-search', accessPolicies: access('*', { IpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } }) },
      }),
    },
    {
      name: 'a config change without a policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'es.amazonaws.com',
        eventName: 'UpdateDomainConfig',
        requestParameters: { domainName: 'orders-search', clusterConfig: { instanceCount: 3 } },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'es.amazonaws.com',
        eventName: 'UpdateDomainConfig',
        errorCode: 'AccessDenied',
        requestParameters: { domainName: 'orders-search', accessPolicies: access('*') },
      }),
    },
  ],
});
