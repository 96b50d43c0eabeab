/**
 * Safe readers for the untyped parts of log events (requestParameters, policy documents). Rules use
 * them so a missing or oddly shaped field reads as "absent" instead of throwing.
 */

/** A nested value, or undefined as soon as any step is missing or not an object. */
export function dig(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A non-empty string form of a scalar, else undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** AWS serializes "one or many" both ways (a lone object or an array); this always gives an array. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** EC2 wraps lists as `{ items: [...] }`. */
export function items(value: unknown): unknown[] {
  return list(dig(value, 'items'));
}

/** The strings in a value that may be a string or a list of them. */
export function strings(value: unknown): string[] {
  return list(value).flatMap((entry) => {
    const found = text(entry);
    return found === undefined ? [] : [found];
  });
}

/** True only for an explicit false (boolean or "false"), so an absent field never reads as "turned off". */
export function isExplicitFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** True only for an explicit true (boolean or "true"). */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

export interface PolicyStatement {
  effect: string;
  actions: string[];
  notActions: string[];
  resources: string[];
  /** AWS principals (account ids, ARNs) plus `*` when the statement applies to anyone. */
  awsPrincipals: string[];
  servicePrincipals: string[];
  federatedPrincipals: string[];
  hasCondition: boolean;
  /** Condition keys (e.g. `aws:SourceIp`), lower-cased because IAM compares them case-insensitively. */
  conditionKeys: string[];
}

/** A policy document as CloudTrail records it: an object, a JSON string, or a URL-encoded JSON string. */
function policyObject(document: unknown): unknown {
  if (typeof document !== 'string') return document;
  for (const candidate of [document, safeDecode(document)]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // not this encoding; try the next
    }
  }
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function objectValues(value: unknown): unknown[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : [];
}

/** The statements of a policy document; an unreadable document has none. */
export function policyStatements(document: unknown): PolicyStatement[] {
  return list(dig(policyObject(document), 'Statement')).map((statement) => {
    const principal = dig(statement, 'Principal');
    const everyone = principal === '*';
    const condition = dig(statement, 'Condition');
    return {
      effect: text(dig(statement, 'Effect')) ?? '',
      actions: strings(dig(statement, 'Action')),
      notActions: strings(dig(statement, 'NotAction')),
      resources: strings(dig(statement, 'Resource')),
      awsPrincipals: everyone ? ['*'] : strings(dig(principal, 'AWS')),
      servicePrincipals: strings(dig(principal, 'Service')),
      federatedPrincipals: strings(dig(principal, 'Federated')),
      hasCondition: condition !== undefined && condition !== null,
      conditionKeys: objectValues(condition).flatMap((operator) =>
        operator && typeof operator === 'object' ? Object.keys(operator).map((key) => key.toLowerCase()) : [],
      ),
    };
  });
}

/**
 * Condition keys that pin a `*` principal to known callers, networks or the organization. AWS does
 * not consider a statement public when one of them is present; anything else (aws:SecureTransport…)
 * leaves it public.
 */
const RESTRICTING_CONDITION_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:userid',
  'kms:calleraccount',
  'kms:viaservice',
  'lambda:functionurlauthtype',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

/** An Allow to anyone (`*` principal) with no condition restricting who the caller can be. */
export function isPublicStatement(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && statement.awsPrincipals.includes('*') && !statement.conditionKeys.some((key) => RESTRICTING_CONDITION_KEYS.has(key));
}

/** Allow on every action and every resource: administrator access whatever the policy is called. */
export function grantsEverything(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Allow' &&
    statement.notActions.length === 0 &&
    statement.actions.some((action) => action === '*' || action === '*:*') &&
    statement.resources.includes('*')
  );
}

/** The account an AWS principal belongs to: a bare account id or the account field of an ARN. */
export function principalAccount(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  const account = principal.startsWith('arn:') ? principal.split(':')[4] : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Services where `service:*` on every resource is as good as admin, or a route to it. */
const SENSITIVE_SERVICES = new Set(['iam', 'sts', 'organizations', 'kms', 'secretsmanager', 'ssm', 'lambda', 'ec2', 's3', 'cloudtrail', 'sso']);

/**
 * What a statement grants on every resource short of full admin that still matters: sensitive
 * `service:*` wildcards, and Allow with NotAction (everything except a few actions).
 */
export function sensitiveWildcards(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow' || !statement.resources.includes('*')) return [];
  if (statement.notActions.length > 0) return [`NotAction ${statement.notActions.join(',')}`];
  return statement.actions.filter((action) => {
    const [service = '', verb = ''] = action.toLowerCase().split(':');
    return verb === '*' && SENSITIVE_SERVICES.has(service);
  });
}

/** The sensitive wildcards a policy document grants (see sensitiveWildcards). */
export function documentSensitiveWildcards(document: unknown): string[] {
  return [...new Set(policyStatements(document).flatMap(sensitiveWildcards))];
}

/** Administrator access granted by a policy document, whatever the policy is called. */
export function documentGrantsEverything(document: unknown): boolean {
  return policyStatements(document).some(grantsEverything);
}

/**
 * The role behind a role-session ARN (`arn:aws:sts::1:assumed-role/Role/session` →
 * `arn:aws:iam::1:role/Role`); any other value is returned unchanged. Session names change with
 * every session, so allow-lists and dedup keys name the role.
 */
export function roleArnOfSession(arn: string): string {
  const session = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}
