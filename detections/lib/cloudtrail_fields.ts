import type { CloudTrailEvent } from '../../src/logs/cloudtrail';
import { cloudTrailActor } from '../../src/logs/cloudtrail-actor';
import { dig, isPublicStatement, items, policyStatements, principalAccount, roleArnOfSession, text } from './fields';
import type { DetectionSettings } from '../../src/config/detection-settings';
import { globMatcher } from './matchers';

/**
 * What CloudTrail rules keep asking of an event: who acted, in which account, with what parameters.
 * Every reader tolerates partial records (failed calls, service events, old event versions).
 */

export function accountOf(event: CloudTrailEvent): string {
  return event.recipientAccountId ?? event.userIdentity?.accountId ?? 'unknown account';
}

/** A short human name for the caller: `alice`, `Engineer/alice` for a role session, `root`, or the service. */
export function actorOf(event: CloudTrailEvent): string {
  return cloudTrailActor(event) ?? 'unknown principal';
}

/**
 * The stable principal behind the call: the role ARN for role sessions (session names change every
 * time), otherwise the identity ARN. Allow-lists and dedup keys use this.
 */
export function principalArnOf(event: CloudTrailEvent): string {
  const identity = event.userIdentity;
  const issuer = identity?.sessionContext?.sessionIssuer?.arn;
  if (identity?.type === 'AssumedRole') {
    if (issuer) return issuer;
    if (identity.arn) return roleArnOfSession(identity.arn);
  }
  return identity?.arn ?? identity?.principalId ?? identity?.invokedBy ?? 'unknown principal';
}

/** Calls AWS makes on the account's behalf; people and workloads are what rules usually care about. */
export function isAwsServiceCall(event: CloudTrailEvent): boolean {
  return event.userIdentity?.type === 'AWSService' || Boolean(event.userIdentity?.invokedBy?.endsWith('.amazonaws.com'));
}

/** The call was accepted; failed attempts belong to the access-denied rules. */
export function succeeded(event: CloudTrailEvent): boolean {
  return !event.errorCode;
}

export function requestParam(event: CloudTrailEvent, ...path: Array<string | number>): unknown {
  return dig(event.requestParameters, ...path);
}

export function requestText(event: CloudTrailEvent, ...path: Array<string | number>): string | undefined {
  return text(requestParam(event, ...path));
}

/** Lambda logs API versions in event names (`UpdateFunctionCode20150331v2`); rules match the bare name. */
export function baseEventName(event: CloudTrailEvent): string {
  return (event.eventName ?? '').replace(/\d{8}(v\d+)?$/, '');
}

/**
 * Whether an account is inside the organization: listed in settings.organizationAccountIds, or the
 * account the event happened in. With no accounts configured only the event's own account is
 * inside, so sharing with any other account alerts (the documented fallback: loud, never blind).
 */
export function isOrganizationAccount(accountId: string | undefined, event: CloudTrailEvent, settings: DetectionSettings): boolean {
  if (accountId === undefined) return false;
  return settings.organizationAccountIds.includes(accountId) || accountId === event.recipientAccountId || accountId === event.userIdentity?.accountId;
}

/**
 * Principals a role's trust policy lets in from outside the organization: `*`, AWS principals in
 * other accounts (see isOrganizationAccount), and identity providers trusted without any condition
 * (an OIDC provider such as GitHub's without a `sub` condition lets every repository on GitHub in).
 */
export function outsidersTrusted(document: unknown, event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return policyStatements(document)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => [
      ...statement.awsPrincipals.filter((principal) => principal === '*' || !isOrganizationAccount(principalAccount(principal), event, settings)),
      ...(statement.hasCondition ? [] : statement.federatedPrincipals.map((provider) => `any identity of ${provider}`)),
    ]);
}

/**
 * Who a resource policy (SNS, SQS, ECR, KMS, Secrets Manager, Lambda…) lets in from outside the
 * organization: `everyone` for a `*` principal no condition pins down, and each AWS account outside
 * the organization (see isOrganizationAccount) named as a principal. Service principals are AWS
 * acting for the resource owner and are not outsiders.
 */
export function resourcePolicyOutsiders(document: unknown, event: CloudTrailEvent, settings: DetectionSettings): string[] {
  const outsiders = policyStatements(document)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => {
      if (isPublicStatement(statement)) return ['everyone'];
      return statement.awsPrincipals.flatMap((principal) => {
        const account = principalAccount(principal);
        return account !== undefined && !isOrganizationAccount(account, event, settings) ? [account] : [];
      });
    });
  return [...new Set(outsiders)];
}

/**
 * The recipients of a share that are outside the organization: other accounts (see
 * isOrganizationAccount), and `everyone` for the public group (`all`).
 */
export function outsideRecipients(recipients: readonly string[], event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return [
    ...new Set(
      recipients
        .filter((recipient) => !isOrganizationAccount(recipient, event, settings))
        .map((recipient) => (recipient.toLowerCase() === 'all' ? 'everyone' : recipient)),
    ),
  ];
}

/** Accounts (and the `all` group) an EC2 permission change adds: `{ add: { items: [{ userId } | { group }] } }`. */
export function addedEc2Permissions(permission: unknown): string[] {
  return items(dig(permission, 'add')).flatMap((item) =>
    [text(dig(item, 'userId')), text(dig(item, 'group'))].filter((value): value is string => value !== undefined),
  );
}

/** Calls made by the deployment pipeline's principals (settings.deploymentPrincipals) or through CloudFormation. */
export function isDeployment(event: CloudTrailEvent, settings: DetectionSettings): boolean {
  return globMatcher(settings.deploymentPrincipals)(principalArnOf(event)) || event.userIdentity?.invokedBy === 'cloudformation.amazonaws.com';
}

/** `who` in `where` (account and region), the tail most titles share. */
export function whereOf(event: CloudTrailEvent): string {
  return `${accountOf(event)} ${event.awsRegion ?? 'unknown region'}`;
}

/** The context most CloudTrail alerts want a responder to see first. */
export function callContext(event: CloudTrailEvent): Record<string, unknown> {
  return {
    actor: actorOf(event),
    principalArn: principalArnOf(event),
    account: accountOf(event),
    region: event.awsRegion,
    eventSource: event.eventSource,
    eventName: event.eventName,
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
    errorCode: event.errorCode ?? undefined,
    requestParameters: event.requestParameters ?? undefined,
  };
}

/** "did" or "tried to": rules that count attempts match denied calls too, and say which it was. */
export function attemptVerb(event: CloudTrailEvent, did: string, tried: string): string {
  return event.errorCode ? tried : did;
}

/** The error codes services use for "not allowed" (as opposed to "not found" or "throttled"). */
const DENIED = /^(Client\.)?(AccessDenied(Exception)?|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden)$/;

/** Denied calls: an attacker probing with credentials that lack the permission. */
export function wasDenied(event: CloudTrailEvent): boolean {
  return DENIED.test(event.errorCode ?? '');
}

/**
 * The instance behind an EC2 instance-profile session: the session name of a role session is the
 * instance id (`…:assumed-role/app-role/i-0123456789abcdef0`). Undefined for any other caller.
 */
export function instanceIdOfSession(event: CloudTrailEvent): string | undefined {
  const arn = event.userIdentity?.type === 'AssumedRole' ? event.userIdentity.arn : undefined;
  // Most sessions are not instances: a cheap look for "/i-" spares the regex on every event.
  if (!arn?.includes('/i-')) return undefined;
  return /:assumed-role\/[^/]+\/(i-[0-9a-f]{8,17})$/.exec(arn)?.[1];
}
