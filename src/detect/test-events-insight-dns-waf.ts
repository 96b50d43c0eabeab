import type { CloudTrailInsightEvent } from '../logs/cloudtrail-insight';
import type { VpcDnsEvent } from '../logs/vpc-dns';
import type { WafWebAclEvent } from '../logs/waf-web-acl';
import { TEST_ACCOUNT_ID } from './test-events';

/**
 * Events of the log types Panther v1 added beside CloudTrail, for rule tests: complete and
 * ordinary, so a test passes only the fields it is about (top-level fields replace the defaults).
 */

/** A CloudTrail Insights Start event: the rate of IAM CreateAccessKey calls left its baseline. */
export function cloudTrailInsightEvent(fields: Partial<CloudTrailInsightEvent> = {}): CloudTrailInsightEvent {
  return {
    eventVersion: '1.08',
    eventTime: '2026-11-22T10:00:00Z',
    awsRegion: 'us-east-1',
    eventID: '2f9c4a1e-7b3d-4e5f-9a8b-1c2d3e4f5a6b',
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: TEST_ACCOUNT_ID,
    sharedEventID: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
    eventCategory: 'Insight',
    insightDetails: {
      state: 'Start',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      insightType: 'ApiCallRateInsight',
      insightContext: { statistics: { baseline: { average: 0.0138 }, insight: { average: 43.4 } } },
    },
    ...fields,
  };
}

/** The same insight, on another API (and, for error-rate insights, an error code). */
export function insightOn(eventSource: string, eventName: string, more: Partial<CloudTrailInsightEvent['insightDetails']> = {}): CloudTrailInsightEvent {
  const base = cloudTrailInsightEvent();
  return { ...base, insightDetails: { ...base.insightDetails, eventSource, eventName, ...more } };
}

/** A Route 53 Resolver query log record: an instance resolving a public name, answered. */
export function vpcDnsEvent(fields: Partial<VpcDnsEvent> = {}): VpcDnsEvent {
  return {
    version: '1.100000',
    account_id: TEST_ACCOUNT_ID,
    region: 'us-east-1',
    vpc_id: 'vpc-0abc1234def567890',
    query_timestamp: '2026-11-22T10:00:00Z',
    query_name: 'api.github.com.',
    query_type: 'A',
    query_class: 'IN',
    rcode: 'NOERROR',
    answers: [{ Rdata: '140.82.112.6', Type: 'A', Class: 'IN' }],
    srcaddr: '10.0.1.25',
    srcport: '48512',
    transport: 'UDP',
    srcids: { instance: 'i-0123456789abcdef0' },
    ...fields,
  };
}

/** A WAF web ACL log record: an ordinary GET allowed by the default action on an ALB. */
export function wafEvent(fields: Partial<WafWebAclEvent> = {}): WafWebAclEvent {
  return {
    timestamp: 1795341600000,
    formatVersion: 1,
    webaclId: `arn:aws:wafv2:us-east-1:${TEST_ACCOUNT_ID}:regional/webacl/shop-prod/6b8e0f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b`,
    terminatingRuleId: 'Default_Action',
    terminatingRuleType: 'REGULAR',
    action: 'ALLOW',
    terminatingRuleMatchDetails: [],
    httpSourceName: 'ALB',
    httpSourceId: `${TEST_ACCOUNT_ID}-app/shop-prod-alb/50dc6c495c0c9188`,
    ruleGroupList: [],
    rateBasedRuleList: [],
    nonTerminatingMatchingRules: [],
    httpRequest: {
      clientIp: '198.51.100.23',
      country: 'US',
      headers: [{ name: 'Host', value: 'shop.example.com' }],
      uri: '/api/cart',
      args: '',
      httpVersion: 'HTTP/1.1',
      httpMethod: 'GET',
      requestId: '1-6740583c-1d84f3d73c47ec4e58577259',
    },
    labels: [],
    ...fields,
  };
}

type MatchDetail = NonNullable<WafWebAclEvent['terminatingRuleMatchDetails']>[number];

/** A request WAF's managed SQLi or XSS rules matched: blocked by the rule group, or only counted. */
export function wafInjectionEvent(
  conditionType: 'SQL_INJECTION' | 'XSS',
  blocked: boolean,
  httpRequest: Partial<WafWebAclEvent['httpRequest']> = {},
): WafWebAclEvent {
  const detail: MatchDetail = {
    conditionType,
    location: 'QUERY_STRING',
    matchedData: conditionType === 'XSS' ? ['<script', '>alert(1)</script>'] : ['1', 'OR', "'1'='1'"],
  };
  const ruleId = conditionType === 'XSS' ? 'CrossSiteScripting_QUERYARGUMENTS' : 'SQLi_QUERYARGUMENTS';
  const groupId = conditionType === 'XSS' ? 'AWS#AWSManagedRulesCommonRuleSet' : 'AWS#AWSManagedRulesSQLiRuleSet';
  const base = wafEvent();
  return wafEvent({
    action: blocked ? 'BLOCK' : 'ALLOW',
    terminatingRuleId: blocked ? groupId.replace('#', '-') : 'Default_Action',
    terminatingRuleType: blocked ? 'MANAGED_RULE_GROUP' : 'REGULAR',
    terminatingRuleMatchDetails: blocked ? [detail] : [],
    ruleGroupList: [
      blocked
        ? {
            ruleGroupId: groupId,
            terminatingRule: { ruleId, action: 'BLOCK', ruleMatchDetails: [detail] },
            nonTerminatingMatchingRules: [],
            excludedRules: null,
          }
        : {
            ruleGroupId: groupId,
            terminatingRule: null,
            nonTerminatingMatchingRules: [{ ruleId, action: 'COUNT', ruleMatchDetails: [detail] }],
            excludedRules: null,
          },
    ],
    httpRequest: { ...base.httpRequest, clientIp: '203.0.113.66', uri: '/admin/login', args: 'id=1', httpMethod: 'POST', ...httpRequest },
  });
}
