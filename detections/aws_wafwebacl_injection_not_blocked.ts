import { defineRule } from '../src/detect/rule';
import { wafInjectionEvent } from '../src/detect/test-events-insight-dns-waf';
import { injectionMatches, webAclName, type WafWebAclEvent } from '../src/logs/waf-web-acl';

function unblocked(event: WafWebAclEvent): string[] {
  const { conditions, blockedBy } = injectionMatches(event);
  return [...conditions].filter((condition) => !blockedBy.has(condition));
}

export default defineRule({
  id: 'AWS.WAFWebACL.InjectionNotBlocked',
  logTypes: ['AWS.WAFWebACL'],
  severity: 'HIGH',
  description:
    'WAF recognized SQL injection or cross-site scripting in a request but let it through, because the matching rule only counts (a managed rule group in count mode, or a rule overridden to COUNT): the attack reached the application.',
  runbook:
    "Check the application and database logs for the request (httpRequest.requestId is the ALB trace id or CloudFront request id) and whether the payload had an effect. Then decide why the rule counts: if it was set to count while tuning false positives, exclude only the false-positive rule or path and switch the group back to block. Search `any ip=<address>` for the rest of the client's activity.",
  reference: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-rule-group-override-options.html',
  tags: ['TA0001:T1190'],
  rule: (event) => event.action !== 'BLOCK' && unblocked(event).length > 0,
  title: (event) =>
    `WAF ${webAclName(event)} let ${unblocked(event).join(' and ')} from ${event.httpRequest.clientIp} through to ${event.httpRequest.uri ?? '?'}`,
  dedup: (event) => `${event.webaclId}:${event.httpRequest.clientIp}`,
  alertContext: (event) => ({
    clientIp: event.httpRequest.clientIp,
    uri: event.httpRequest.uri,
    args: event.httpRequest.args,
    action: event.action,
    conditions: unblocked(event),
    ruleGroups: (event.ruleGroupList ?? []).map((group) => group.ruleGroupId),
  }),
  tests: [
    {
      name: 'SQL injection matched by a counting rule and allowed matches',
      expect: true,
      event: wafInjectionEvent('SQL_INJECTION', false, { uri: '/products' }),
    },
    { name: 'XSS matched by a counting rule and allowed matches', expect: true, event: wafInjectionEvent('XSS', false) },
    { name: 'SQL injection that was blocked does not match', expect: false, event: wafInjectionEvent('SQL_INJECTION', true) },
    { name: 'XSS that was blocked does not match', expect: false, event: wafInjectionEvent('XSS', true) },
  ],
});
