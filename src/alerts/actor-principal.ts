import type { ConfirmationConfig } from '../config';
import type { NormalizedEvent } from '../logs/log-type';

/** The AWS principal that acted, as far as Prowl can tell who a person is from it. */
export type ActorPrincipal =
  | { kind: 'identity-center'; name: string }
  | { kind: 'iam-user'; name: string }
  | { kind: 'role-session'; name: string; role: string };

const KIND_LABEL: Record<ActorPrincipal['kind'], string> = {
  'identity-center': 'Identity Center user',
  'iam-user': 'IAM user',
  'role-session': 'role session',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Who acted in a CloudTrail event: an IAM user, an Identity Center user (its permission-set roles are
 * `AWSReservedSSO_…` and AWS sets the session name to the user name), or another role's session.
 * Undefined for the root user, AWS services and anything that is not CloudTrail: nobody to ask.
 */
export function actorPrincipal(event: NormalizedEvent | undefined): ActorPrincipal | undefined {
  const identity = field(event, 'userIdentity');
  const type = text(field(identity, 'type'));
  if (type === 'IAMUser') {
    const name = text(field(identity, 'userName')) ?? text(field(identity, 'arn'))?.split(':user/')[1]?.split('/').pop();
    return name ? { kind: 'iam-user', name } : undefined;
  }
  if (type === 'IdentityCenterUser') {
    const name = text(field(identity, 'userName'));
    return name ? { kind: 'identity-center', name } : undefined;
  }
  if (type === 'AssumedRole') {
    const session = /:assumed-role\/([^/]+)\/(.+)$/.exec(text(field(identity, 'arn')) ?? '');
    if (!session) return undefined;
    const [, role, name] = session as unknown as [string, string, string];
    return role.startsWith('AWSReservedSSO_') ? { kind: 'identity-center', name } : { kind: 'role-session', name, role };
  }
  return undefined;
}

export function describePrincipal(principal: ActorPrincipal): string {
  return principal.kind === 'role-session'
    ? `${KIND_LABEL[principal.kind]} ${principal.name} (role ${principal.role})`
    : `${KIND_LABEL[principal.kind]} ${principal.name}`;
}

/**
 * The email of the person behind a principal: the configured mapping first; for Identity Center and
 * IAM user names (which AWS sets) also `<name>@emailDomain`, or the name itself when it is an email.
 * A role session name is chosen by whoever assumes the role, so it maps only when listed.
 */
export function emailFor(principal: ActorPrincipal, config: ConfirmationConfig): string | undefined {
  const listed = { 'identity-center': config.identityCenterUsers, 'iam-user': config.iamUsers, 'role-session': config.roleSessions }[principal.kind];
  const mapped = Object.hasOwn(listed, principal.name) ? listed[principal.name] : undefined;
  if (mapped) return mapped;
  if (principal.kind === 'role-session') return undefined;
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(principal.name)) return principal.name;
  if (config.emailDomain && /^[A-Za-z0-9._+-]+$/.test(principal.name)) return `${principal.name}@${config.emailDomain}`;
  return undefined;
}

/** Finds Slack people by email; undefined when nobody in the workspace has it. */
export interface PeopleDirectory {
  userIdByEmail(email: string): Promise<string | undefined>;
}
