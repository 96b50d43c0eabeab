import { defineRule } from '../src/detect/rule';
import { wafEvent, wafInjectionEvent } from '../src/detect/test-events-insight-dns-waf';
import { injectionMatches, webAclName, type WafWebAclEvent } from '../src/logs/waf-web-acl';

/**
 * Paths where an injection reaches credentials, sessions or administration: login and auth
 * endpoints, admin consoles, GraphQL, and files that should never be served.
 */
const SENSITIVE_PATH =
  /^\/(?:[^?]*\/)?(?:admin|administrator|wp-admin|wp-login\.php|login|signin|sign-in|logon|auth|oauth2?|sso|saml|session|sessions|account|accounts|users?|password|reset-password|graphql|phpmyadmin|console|manage|management|api\/(?:v\d+\/)?(?:auth|admin|login|users?|payments?|tokens?))(?:[/?.]|$)/i;

function isSensitive(event: WafWebAclEvent): boolean {
  return SENSITIVE_PATH.test(event.httpRequest.uri ?? '');
}

function conditionsOf(event: WafWebAclEvent): string {
  return [...injectionMatches(event).conditions].map((condition) => (condition === 'XSS' ? 'XSS' : 'SQL injection')).join(' and ');
}

/** Every injection WAF saw in the request was blocked; one it only counted is InjectionNotBlocked's alert, so one request raises one alert. */
function allBlocked(event: WafWebAclEvent): boolean {
  const { conditions, blockedBy } = injectionMatches(event);
  return conditions.size > 0 && [...conditions].every((condition) => blockedBy.has(condition));
}

export default defineRule({
  id: 'AWS.WAFWebACL.InjectionOnSensitivePath',
  logTypes: ['AWS.WAFWebACL'],
  severity: 'MEDIUM',
  description:
    'WAF blocked SQL injection or cross-site scripting in a request to a login, authentication, admin or account path: someone is attacking the parts of the application that guard credentials and sessions. An injection WAF only counted and let through is AWS.WAFWebACL.InjectionNotBlocked (high severity) instead.',
  runbook:
    'Read the match details (alert context: location and matched data) and the full request (alert events). Note the source, check `any ip=<address>` for requests from it that were not blocked, and consider blocking the address; repeated attempts against one endpoint are worth a look at its own rate limits and lockouts.',
  reference: 'https://docs.aws.amazon.com/waf/latest/developerguide/logging-fields.html',
  tags: ['TA0001:T1190'],
  rule: (event) => allBlocked(event) && isSensitive(event),
  title: (event) =>
    `${conditionsOf(event)} against ${event.httpRequest.httpMethod ?? ''} ${event.httpRequest.uri ?? '?'} from ${event.httpRequest.clientIp} (WAF ${webAclName(event)}: ${event.action})`,
  dedup: (event) => `${event.webaclId}:${event.httpRequest.clientIp}:${event.httpRequest.uri ?? ''}`,
  alertContext: (event) => ({
    clientIp: event.httpRequest.clientIp,
    uri: event.httpRequest.uri,
    args: event.httpRequest.args,
    action: event.action,
    conditions: [...injectionMatches(event).conditions],
    terminatingRuleId: event.terminatingRuleId,
    matchDetails: event.terminatingRuleMatchDetails,
  }),
  tests: [
    { name: 'SQL injection blocked on an admin login matches', expect: true, event: wafInjectionEvent('SQL_INJECTION', true) },
    { name: 'XSS blocked on an account page matches', expect: true, event: wafInjectionEvent('XSS', true, { uri: '/account/profile' }) },
    {
      name: 'XSS only counted on an account page is left to InjectionNotBlocked',
      expect: false,
      event: wafInjectionEvent('XSS', false, { uri: '/account/profile' }),
    },
    { name: 'SQL injection on a versioned auth API matches', expect: true, event: wafInjectionEvent('SQL_INJECTION', true, { uri: '/api/v2/auth/token' }) },
    { name: 'SQL injection on a product page does not match', expect: false, event: wafInjectionEvent('SQL_INJECTION', true, { uri: '/products/boots' }) },
    {
      name: 'a clean request to the login page does not match',
      expect: false,
      event: wafEvent({ httpRequest: { clientIp: '198.51.100.23', uri: '/login', httpMethod: 'POST' } }),
    },
    {
      name: 'a path that only starts like a sensitive one does not match',
      expect: false,
      event: wafInjectionEvent('XSS', true, { uri: '/administrators-guide.html' }),
    },
  ],
});
