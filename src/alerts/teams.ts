import type { TeamConfig } from '../config';
import type { TeamRoute } from './settings-store';

/** prowl.config.yml's teams with the routes changed from Slack laid over them, by team name. */
export function effectiveTeams(configured: readonly TeamConfig[], routes: readonly TeamRoute[]): TeamConfig[] {
  const byName = new Map<string, TeamConfig>(configured.map((team) => [team.name, team]));
  for (const route of routes) {
    if (route.removed) {
      byName.delete(route.name);
      continue;
    }
    const { removed: _removed, updatedBy: _by, updatedAt: _at, version: _version, ...team } = route;
    byName.set(route.name, team);
  }
  return [...byName.values()];
}
