import { z } from 'zod';
import { optional, resourceBase, text } from './base';

/** WAF Classic web ACLs: global ones guard CloudFront distributions, regional ones load balancers and APIs. */
export const WAF_WEB_ACL = 'AWS.WAF.WebACL';
export const WAF_REGIONAL_WEB_ACL = 'AWS.WAF.Regional.WebACL';

const wafAction = optional(z.looseObject({ Type: text }));

/**
 * GetWebACL's WebACL as Panther describes it: each activated rule merged with the rule it names
 * (GetRule / GetRateBasedRule: its predicates), and the rule id repeated as RuleId.
 */
function webAclFields() {
  return {
    /** ALLOW or BLOCK: what happens to requests no rule matches. */
    DefaultAction: wafAction,
    MetricName: text,
    Rules: optional(
      z.array(
        z.looseObject({
          RuleId: text,
          Priority: optional(z.number()),
          Action: wafAction,
          Type: text,
          Predicates: optional(z.array(z.looseObject({ DataId: text, Negated: optional(z.boolean()), Type: text }))),
        }),
      ),
    ),
  };
}

export const wafWebAclSchema = z.looseObject({ ...resourceBase(WAF_WEB_ACL), ...webAclFields() });
export const wafRegionalWebAclSchema = z.looseObject({ ...resourceBase(WAF_REGIONAL_WEB_ACL), ...webAclFields() });

export type WafWebAcl = z.infer<typeof wafWebAclSchema>;
export type WafRegionalWebAcl = z.infer<typeof wafRegionalWebAclSchema>;
