import type { DateTime } from 'luxon';
import { configFileSchema, describeIssues, type ConfigFile, type TeamConfig } from '../config';
import type { Severity } from '../config/severity';
import { ProwlError } from '../errors';
import type { AuditLog } from './audit';
import { requireRole, type Actor } from './roles';
import type { SettingsStore } from './settings-store';
import { effectiveTeams } from './teams';

/** What a `/prowl route set` changes in a team's route; unnamed fields keep their value. */
export type RouteChange = Partial<{
  channel: string;
  minSeverity: Severity;
  ruleIds: string[];
  tags: string[];
  logTypes: string[];
  accounts: string[];
  sources: string[];
  responders: string[];
  /** Storm thresholds for this team; the fields given replace the team's, the others keep theirs. */
  storm: NonNullable<TeamConfig['storm']>;
  askActor: boolean;
  /** Laid over the team's escalation (a `route set` may change only who is mentioned); null removes it. */
  escalation: Partial<NonNullable<TeamConfig['escalation']>> | null;
}>;

const teamSchema = configFileSchema.shape.teams.unwrap().element;

export interface RouteAdminDeps {
  settings: SettingsStore;
  audit: AuditLog;
  config: Pick<ConfigFile, 'roles' | 'teams'>;
  now: () => DateTime;
}

/** Which team hears about what, changed from Slack by admins; starts from prowl.config.yml. */
export function createRouteAdmin(deps: RouteAdminDeps) {
  const teams = async (): Promise<TeamConfig[]> => effectiveTeams(deps.config.teams, await deps.settings.routes());

  return {
    teams,
    async set(name: string, change: RouteChange, actor: Actor): Promise<TeamConfig> {
      requireRole(actor, 'admin', deps.config, 'change routes');
      const existing = (await teams()).find((team) => team.name === name);
      const { ruleIds, tags, logTypes, accounts, sources, responders, channel, minSeverity, askActor, escalation, storm } = change;
      const stormSettings = storm || existing?.storm ? { ...(existing?.storm ?? {}), ...(storm ?? {}) } : undefined;
      const candidate = {
        name,
        channel: channel ?? existing?.channel,
        minSeverity: minSeverity ?? existing?.minSeverity ?? 'INFO',
        owns: {
          ...(existing?.owns ?? {}),
          ...(ruleIds ? { ruleIds } : {}),
          ...(tags ? { tags } : {}),
          ...(logTypes ? { logTypes } : {}),
          ...(accounts ? { accounts } : {}),
          ...(sources ? { sources } : {}),
        },
        responders: responders ?? existing?.responders ?? [],
        ...(stormSettings ? { storm: stormSettings } : {}),
        // Settings this change does not name are kept, so a `route set` never drops a team's escalation.
        ...((askActor ?? existing?.askActor) !== undefined ? { askActor: askActor ?? existing?.askActor } : {}),
        ...(escalation === null ? {} : escalation || existing?.escalation ? { escalation: { ...existing?.escalation, ...escalation } } : {}),
      };
      const parsed = teamSchema.safeParse(candidate);
      if (!parsed.success) throw new ProwlError('prowl_bad_command', `route for ${name} is not valid:\n${describeIssues(parsed.error)}`);
      const at = deps.now().toUTC().toISO()!;
      await deps.settings.mutateRoute(name, (current) => ({ ...parsed.data, updatedBy: actor.userId, updatedAt: at, version: current?.version ?? 0 }));
      await deps.audit.record({
        subject: `team:${name}`,
        action: 'route-set',
        actor: actor.userId,
        at,
        ...(existing ? { before: existing } : {}),
        after: parsed.data,
      });
      return parsed.data;
    },
    async remove(name: string, actor: Actor): Promise<void> {
      requireRole(actor, 'admin', deps.config, 'change routes');
      const existing = (await teams()).find((team) => team.name === name);
      if (!existing) throw new ProwlError('prowl_not_found', `no team ${name}; \`/prowl route list\` shows them`);
      const at = deps.now().toUTC().toISO()!;
      await deps.settings.mutateRoute(name, (current) => ({
        ...existing,
        removed: true,
        updatedBy: actor.userId,
        updatedAt: at,
        version: current?.version ?? 0,
      }));
      await deps.audit.record({ subject: `team:${name}`, action: 'route-remove', actor: actor.userId, at, before: existing });
    },
  };
}

export type RouteAdmin = ReturnType<typeof createRouteAdmin>;
