import type { ConfigFile, TeamConfig } from '../config';
import type { AlertStore } from './alert-store';
import { requireRole, type Actor, type Role } from './roles';
import { teamFor } from './routing';

/** What a command needs before it may run: a role, and what it is for (quoted when refused). */
export interface Permission {
  role: Role;
  /** Completes "you need the … role to …", e.g. "acknowledge alerts". */
  what: string;
  /** The alert acted on, when its team's responders hold the role too. */
  alertId?: string;
}

export interface AccessDeps {
  alerts: Pick<AlertStore, 'get'>;
  config: Pick<ConfigFile, 'roles'>;
  /** Teams as they stand now (config plus routes changed from Slack). */
  teams(): Promise<TeamConfig[]>;
}

/**
 * The check a command passes before it runs, so a refused command never reaches its use case. The use
 * cases still authorize what they do (a modal or a button reaches them without a command), with the
 * same roles; this is the door, they are the lock.
 */
export function createAccess(deps: AccessDeps) {
  return {
    async require(actor: Actor, permission: Permission): Promise<void> {
      if (permission.role === 'viewer') return;
      const teams = await deps.teams();
      let team: string | undefined;
      if (permission.alertId !== undefined) {
        const alert = await deps.alerts.get(permission.alertId);
        // An alert that does not exist is the use case's to report, to everyone alike.
        if (!alert || alert.status === 'PENDING') return;
        team = teamFor(alert, teams)?.name;
      }
      requireRole(actor, permission.role, { roles: deps.config.roles, teams }, permission.what, team);
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
