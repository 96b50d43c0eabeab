import { defineRule } from '../src/detect/rule';
import { wafEvent } from '../src/detect/test-events-insight-dns-waf';
import { webAclName } from '../src/logs/waf-web-acl';

const BLOCKS_PER_WINDOW = 50;

export default defineRule({
  id: 'AWS.WAFWebACL.BlockedBurst',
  logTypes: ['AWS.WAFWebACL'],
  severity: 'MEDIUM',
  description:
    'WAF blocked 50 or more requests from one client address on one web ACL within 15 minutes: a scanner, a brute-force or credential-stuffing run, or a bot working through the application.',
  runbook:
    'Look at the blocked requests (alert events): which rules blocked them (terminatingRuleId), which paths they targeted and from which country. Scanners and bots: add the address to an IP set blocked by the web ACL, or tighten the rate-based rule. Credential stuffing on login paths: check the application for successful logins from the same address and force password resets for those accounts. Search `any ip=<address>` for what else it reached (ALB, CloudTrail).',
  reference: 'https://docs.aws.amazon.com/waf/latest/developerguide/logging-fields.html',
  tags: ['TA0043:T1595', 'TA0006:T1110'],
  threshold: BLOCKS_PER_WINDOW,
  dedupPeriodMinutes: 15,
  rule: (event) => event.action === 'BLOCK',
  title: (event) =>
    `WAF ${webAclName(event)} is blocking a burst of requests from ${event.httpRequest.clientIp} (${event.httpRequest.country ?? 'unknown country'}; latest: ${event.terminatingRuleId ?? 'unknown rule'})`,
  dedup: (event) => `${event.webaclId}:${event.httpRequest.clientIp}`,
  alertContext: (event) => ({
    clientIp: event.httpRequest.clientIp,
    country: event.httpRequest.country,
    uri: event.httpRequest.uri,
    method: event.httpRequest.httpMethod,
    terminatingRuleId: event.terminatingRuleId,
    terminatingRuleType: event.terminatingRuleType,
  }),
  tests: [
    {
      name: 'a request blocked by a rate-based rule counts',
      expect: true,
      event: wafEvent({ action: 'BLOCK', terminatingRuleId: 'rate-limit-per-ip', terminatingRuleType: 'RATE_BASED' }),
    },
    {
      name: 'a request blocked by a managed rule group counts',
      expect: true,
      event: wafEvent({ action: 'BLOCK', terminatingRuleId: 'AWS-AWSManagedRulesKnownBadInputsRuleSet', terminatingRuleType: 'MANAGED_RULE_GROUP' }),
    },
    { name: 'an allowed request does not count', expect: false, event: wafEvent() },
    { name: 'a CAPTCHA challenge does not count', expect: false, event: wafEvent({ action: 'CAPTCHA' }) },
  ],
});
