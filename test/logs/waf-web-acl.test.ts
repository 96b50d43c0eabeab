import { wafWebAcl } from '../../src/logs/waf-web-acl';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('AWS WAF web ACL logs (AWS.WAFWebACL)', () => {
  it('are read one request per line, rule groups and match details kept as WAF nests them', async () => {
    const records = await parseFixture('waf/aws-waf-logs-shop-prod.jsonl', [wafWebAcl]);
    expectGolden('waf/aws-waf-logs-shop-prod.jsonl', records);
    expect(events(records).map((event) => [event['action'], event['terminatingRuleId'], event['p_event_time']])).toEqual([
      ['ALLOW', 'Default_Action', '2026-11-22T10:00:00.123Z'],
      ['BLOCK', 'AWS-AWSManagedRulesSQLiRuleSet', '2026-11-22T10:01:01.457Z'],
      ['BLOCK', 'rate-limit-per-ip', '2026-11-22T10:01:02.001Z'],
      ['ALLOW', 'Default_Action', '2026-11-22T10:01:03.000Z'],
    ]);
    expect(events(records)[1]).toMatchObject({
      ruleGroupList: [
        {
          ruleGroupId: 'AWS#AWSManagedRulesSQLiRuleSet',
          terminatingRule: { ruleId: 'SQLi_QUERYARGUMENTS', ruleMatchDetails: [{ conditionType: 'SQL_INJECTION', matchedData: ['1', 'OR', "'1'='1'", '--'] }] },
        },
      ],
      httpRequest: { uri: '/admin/login', args: "user=admin&id=1%20OR%20'1'='1'--" },
    });
  });

  it('quarantine a request whose timestamp is not Unix milliseconds', async () => {
    const records = await parseFixture('waf/aws-waf-logs-shop-prod.jsonl', [wafWebAcl]);
    expect(quarantined(records)).toEqual([{ position: 4, quarantined: expect.stringContaining('timestamp') }]);
  });

  it('carry the client address and the request id, as Panther v1 extracts them', async () => {
    const [allowed, sqli, rateLimited] = events(await parseFixture('waf/aws-waf-logs-shop-prod.jsonl', [wafWebAcl]));
    expect(allowed).toMatchObject({ p_any_ip_addresses: ['198.51.100.23'], p_any_trace_ids: ['1-6740583c-1d84f3d73c47ec4e58577259'] });
    expect(sqli).toMatchObject({ p_any_ip_addresses: ['203.0.113.66'], p_any_trace_ids: ['1-6740587d-0a2b4c6d8e0f1a2b3c4d5e6f'] });
    expect(rateLimited).toMatchObject({ p_any_ip_addresses: ['2001:db8:4a::17'] });
  });
});
