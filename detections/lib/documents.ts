import { grantsEverything, policyStatements, principalAccount, type PolicyStatement } from './fields';
import type { PolicyContext } from '../../src/detect/policy';

/**
 * Readers for IAM policy documents as resources carry them (JSON strings; IAM's URL encoding is
 * undone by the collectors, and policyStatements copes with it anyway). Every reader takes any
 * shape a person may have written.
 */

/** The documents of a principal's inline policies. */
export function inlineDocuments(inline: Record<string, string | null> | null): string[] {
  return Object.values(inline ?? {}).filter((document): document is string => typeof document === 'string');
}

export function documentsGrantAdmin(documents: readonly (string | null)[]): boolean {
  return documents.some((document) => policyStatements(document).some(grantsEverything));
}

function matchesAction(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return regex.test(action);
}

/** Allow of iam:PassRole (by name or wildcard) on every resource: lets the holder hand any role to a service, admin ones included. */
export function passesAnyRole(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Allow' &&
    statement.resources.includes('*') &&
    statement.actions.some((action) => action !== '*' && action !== '*:*' && matchesAction(action, 'iam:PassRole'))
  );
}

export function documentsPassAnyRole(documents: readonly (string | null)[]): boolean {
  return documents.some((document) => policyStatements(document).some(passesAnyRole));
}

/** An Allow to everyone (`*`) with no condition to narrow it. */
export function allowsEveryoneUnconditionally(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && statement.awsPrincipals.includes('*') && !statement.hasCondition;
}

/** Accounts an Allow names that are not trusted: the owner's, the organisation's (detections.organizationAccountIds) and vetted vendors' (scanPolicies.trustedAccounts). */
export function externalAccounts(statement: PolicyStatement, trusted: ReadonlySet<string>): string[] {
  if (statement.effect !== 'Allow') return [];
  return statement.awsPrincipals.flatMap((principal) => {
    const account = principalAccount(principal);
    return account !== undefined && !trusted.has(account) ? [account] : [];
  });
}

export function documentExternalAccounts(
  document: string | null,
  ownAccount: string,
  { settings, standards }: Pick<PolicyContext, 'settings' | 'standards'>,
): string[] {
  const trusted = new Set([ownAccount, ...settings.organizationAccountIds, ...standards.trustedAccounts]);
  return [...new Set(policyStatements(document).flatMap((statement) => externalAccounts(statement, trusted)))].sort();
}

export { policyStatements };
