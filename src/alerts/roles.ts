import type { ConfigFile } from '../config';
import { ProwlError } from '../errors';

export type Role = 'viewer' | 'responder' | 'admin';

/** Who is acting: a Slack user (or the terminal's `local` user) and the user groups they are in. */
export interface Actor {
  userId: string;
  groupIds: string[];
}

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** Whether the actor, or one of their user groups, is among the principals. */
export function listed(actor: Actor, principals: readonly string[]): boolean {
  return principals.includes(actor.userId) || actor.groupIds.some((group) => principals.includes(group));
}

/** Admins everywhere; responders globally or for their own team's alerts; everyone else views. */
export function roleOf(actor: Actor, config: Pick<ConfigFile, 'roles' | 'teams'>, team?: string): Role {
  if (listed(actor, config.roles.admins)) return 'admin';
  if (listed(actor, config.roles.responders)) return 'responder';
  const owner = team ? config.teams.find((t) => t.name === team) : undefined;
  if (owner && listed(actor, owner.responders)) return 'responder';
  return 'viewer';
}

export function requireRole(actor: Actor, needed: Role, config: Pick<ConfigFile, 'roles' | 'teams'>, what: string, team?: string): void {
  const role = roleOf(actor, config, team);
  if (RANK[role] < RANK[needed]) {
    const scope = team ? ` for team ${team}` : '';
    throw new ProwlError(
      'prowl_forbidden',
      `you need the ${needed} role${scope} to ${what}; you are a ${role}. Ask a Prowl admin to add you in prowl.config.yml.`,
    );
  }
}
