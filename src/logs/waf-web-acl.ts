import { z } from 'zod';
import type { LogType } from './log-type';
import { isoFromUnixSeconds } from './time';

/**
 * AWS WAF (v2) web ACL logs: one JSON object per inspected request, as WAF delivers them through
 * Firehose, to S3 or CloudWatch Logs. Field names as WAF writes them; `timestamp` is Unix
 * milliseconds. The rule lists keep WAF's nesting: a rule group's terminating and counting rules,
 * their SQLi/XSS match details, rate-based rules and labels.
 */
const optionalString = z.string().nullish();

const matchDetail = z
  .object({
    conditionType: optionalString,
    sensitivityLevel: optionalString,
    location: optionalString,
    matchedData: z.array(z.string()).nullish(),
    matchedFieldName: optionalString,
  })
  .loose();

const ruleDetail = z.object({ ruleId: optionalString, action: optionalString, ruleMatchDetails: z.array(matchDetail).nullish() }).loose();

export const wafWebAclEventSchema = z
  .object({
    timestamp: z.number().int().min(0),
    formatVersion: z.number().nullish(),
    webaclId: z.string().min(1),
    terminatingRuleId: optionalString,
    terminatingRuleType: optionalString,
    action: z.string().min(1),
    terminatingRuleMatchDetails: z.array(matchDetail).nullish(),
    httpSourceName: optionalString,
    httpSourceId: optionalString,
    ruleGroupList: z
      .array(
        z
          .object({
            ruleGroupId: optionalString,
            terminatingRule: ruleDetail.nullish(),
            nonTerminatingMatchingRules: z.array(ruleDetail).nullish(),
            excludedRules: z.array(z.object({ exclusionType: optionalString, ruleId: optionalString }).loose()).nullish(),
          })
          .loose(),
      )
      .nullish(),
    rateBasedRuleList: z
      .array(
        z
          .object({
            rateBasedRuleId: optionalString,
            rateBasedRuleName: optionalString,
            limitKey: optionalString,
            limitValue: optionalString,
            maxRateAllowed: z.number().nullish(),
          })
          .loose(),
      )
      .nullish(),
    nonTerminatingMatchingRules: z.array(ruleDetail).nullish(),
    requestHeadersInserted: z.array(z.object({ name: optionalString, value: optionalString }).loose()).nullish(),
    responseCodeSent: z.number().nullish(),
    httpRequest: z
      .object({
        clientIp: z.string().min(1),
        country: optionalString,
        headers: z.array(z.object({ name: optionalString, value: optionalString }).loose()).nullish(),
        uri: optionalString,
        args: optionalString,
        httpVersion: optionalString,
        httpMethod: optionalString,
        requestId: optionalString,
        fragment: optionalString,
        scheme: optionalString,
        host: optionalString,
      })
      .loose(),
    labels: z.array(z.object({ name: optionalString }).loose()).nullish(),
    captchaResponse: z.record(z.string(), z.unknown()).nullish(),
    challengeResponse: z.record(z.string(), z.unknown()).nullish(),
    ja3Fingerprint: optionalString,
    ja4Fingerprint: optionalString,
  })
  .loose();

export type WafWebAclEvent = z.infer<typeof wafWebAclEventSchema>;

export const wafWebAcl: LogType<WafWebAclEvent> = {
  name: 'AWS.WAFWebACL',
  schema: wafWebAclEventSchema,
  framing: { kind: 'json' },
  detect: true,
  eventTime: (event) => isoFromUnixSeconds(event.timestamp / 1000),
  indicators(event, found) {
    found.ip(event.httpRequest.clientIp);
    // The ALB trace id or CloudFront/API Gateway request id: the same request in the service's own logs.
    found.traceId(event.httpRequest.requestId);
  },
};

/** The attack classes WAF reports match details for (SQLi and XSS match statements). */
export type InjectionCondition = 'SQL_INJECTION' | 'XSS';

/**
 * The SQLi/XSS conditions that matched a request, wherever WAF reports them: the terminating
 * rule, a rule group's terminating or counting rules, or the web ACL's own counting rules, and
 * whether any of them blocked it. Read defensively: the lists are whatever the log holds.
 */
export function injectionMatches(event: WafWebAclEvent): { conditions: Set<InjectionCondition>; blockedBy: Set<InjectionCondition> } {
  const conditions = new Set<InjectionCondition>();
  const blockedBy = new Set<InjectionCondition>();
  const note = (details: readonly { conditionType?: string | null | undefined }[] | null | undefined, blocking: boolean): void => {
    for (const detail of details ?? []) {
      const condition = detail.conditionType;
      if (condition !== 'SQL_INJECTION' && condition !== 'XSS') continue;
      conditions.add(condition);
      if (blocking) blockedBy.add(condition);
    }
  };
  const blocked = event.action === 'BLOCK';
  note(event.terminatingRuleMatchDetails, blocked);
  for (const rule of event.nonTerminatingMatchingRules ?? []) note(rule.ruleMatchDetails, false);
  for (const group of event.ruleGroupList ?? []) {
    note(group.terminatingRule?.ruleMatchDetails, blocked && group.terminatingRule?.action === 'BLOCK');
    for (const rule of group.nonTerminatingMatchingRules ?? []) note(rule.ruleMatchDetails, false);
  }
  return { conditions, blockedBy };
}

/** The web ACL's name from its ARN (…/webacl/shop-prod/<id>), or the id as written. */
export function webAclName(event: WafWebAclEvent): string {
  return /\/webacl\/([^/]+)\//.exec(event.webaclId)?.[1] ?? event.webaclId;
}
