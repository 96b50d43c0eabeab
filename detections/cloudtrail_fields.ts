import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, isPublicStatement, items, policyStatements, principalAccount, roleArnOfSession, text } from './fields';
import { globMatcher } from './matchers';
import { settings } from './settings';

/**
 * What CloudTrail rules keep asking of an event: who acted, in which account, with what parameters.
 * Every reader tolerates partial records (failed calls, service events, old event versions).
 */

export function accountOf(event: CloudTrailEvent): string {
  return event.recipientAccountId ?? event.userIdentity?.accountId ?? 'unknown account';
}

/** A short human name for the caller: `alice`, `Engineer/alice` for a role session, `root`, or the service. */
export function actorOf(event: CloudTrailEvent): string {
  const identity = event.userIdentity;
  switch (identity?.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return identity.userName ?? identity.arn ?? 'unknown IAM user';
    case 'AssumedRole': {
      const session = identity.arn?.split(':assumed-role/')[1];
      return session ?? identity.sessionContext?.sessionIssuer?.userName ?? identity.principalId ?? 'unknown role session';
    }
    case 'FederatedUser':
      return identity.arn?.split(':federated-user/')[1] ?? identity.principalId ?? 'unknown federated user';
    case 'AWSService':
      return identity.invokedBy ?? 'an AWS service';
    default:
      return identity?.userName ?? identity?.arn ?? identity?.principalId ?? identity?.invokedBy ?? 'unknown principal';
  }
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

export function isOrganizationAccount(accountId: string | undefined): boolean {
  return accountId !== undefined && settings.organizationAccountIds.includes(accountId);
}

/**
 * Principals a role's trust policy lets in from outside the organization: `*`, AWS principals in
 * accounts not listed in settings, and identity providers trusted without any condition (an OIDC
 * provider such as GitHub's without a `sub` condition lets every repository on GitHub in).
 */
export function outsidersTrusted(document: unknown): string[] {
  return policyStatements(document)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => [
      ...statement.awsPrincipals.filter((principal) => principal === '*' || !isOrganizationAccount(principalAccount(principal))),
      ...(statement.hasCondition ? [] : statement.federatedPrincipals.map((provider) => `any identity of ${provider}`)),
    ]);
}

/**
 * Who a resource policy (SNS, SQS, ECR, KMS, Secrets Manager, Lambda…) lets in from outside the
 * organization: `everyone` for a `*` principal no condition pins down, and each AWS account outside
 * settings.organizationAccountIds named as a principal. Service principals are AWS acting for the
 * resource owner and are not outsiders.
 */
export function resourcePolicyOutsiders(document: unknown): string[] {
  const outsiders = policyStatements(document)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => {
      if (isPublicStatement(statement)) return ['everyone'];
      return statement.awsPrincipals.flatMap((principal) => {
        const account = principalAccount(principal);
        return account !== undefined && !isOrganizationAccount(account) ? [account] : [];
      });
    });
  return [...new Set(outsiders)];
}

/**
 * The recipients of a share that are outside the organization: account ids not in settings, and
 * `everyone` for the public group (`all`).
 */
export function outsideRecipients(recipients: readonly string[]): string[] {
  return [...new Set(recipients.filter((recipient) => !isOrganizationAccount(recipient)).map((recipient) => (recipient.toLowerCase() === 'all' ? 'everyone' : recipient)))];
}

/** Accounts (and the `all` group) an EC2 permission change adds: `{ add: { items: [{ userId } | { group }] } }`. */
export function addedEc2Permissions(permission: unknown): string[] {
  return items(dig(permission, 'add')).flatMap((item) => [text(dig(item, 'userId')), text(dig(item, 'group'))].filter((value): value is string => value !== undefined));
}

const isDeployer = globMatcher(settings.deploymentPrincipals);

/** Calls made by the deployment pipeline's principals (settings.deploymentPrincipals) or through CloudFormation. */
export function isDeployment(event: CloudTrailEvent): boolean {
  return isDeployer(principalArnOf(event)) || event.userIdentity?.invokedBy === 'cloudformation.amazonaws.com';
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
