import type { WebClient } from '@slack/web-api';
import type { DateTime } from 'luxon';
import type { Actor } from '../alerts/roles';
import { logger } from '../logger';

/** Who a Slack user is to Prowl: the configured user groups they belong to, and their time zone. */
export interface SlackDirectory {
  actor(userId: string): Promise<Actor>;
  timeZoneOf(userId: string): Promise<string>;
}

const TTL_MS = 5 * 60 * 1000;

/**
 * Reads group membership (usergroups.users.list) and time zones (users.info) from Slack, cached
 * for five minutes per warm function. If Slack cannot tell, the user is treated as outside the
 * group: a lookup failure never grants a role.
 */
export function webApiDirectory(client: WebClient, groupIds: () => Promise<string[]>, now: () => DateTime): SlackDirectory {
  const nowMs = (): number => now().toMillis();
  const members = new Map<string, { users: Set<string>; until: number }>();
  const zones = new Map<string, { zone: string; until: number }>();

  async function membersOf(group: string): Promise<Set<string>> {
    const cached = members.get(group);
    if (cached && cached.until > nowMs()) return cached.users;
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      const users = new Set(result.users ?? []);
      members.set(group, { users, until: nowMs() + TTL_MS });
      return users;
    } catch (error) {
      logger.warn('cannot read user group members; treating the user as outside it', { group, error: (error as Error).message });
      return new Set();
    }
  }

  return {
    async actor(userId) {
      const groups = (await groupIds()).filter((id) => id.startsWith('S'));
      const memberships = await Promise.all(groups.map(async (group) => ((await membersOf(group)).has(userId) ? group : undefined)));
      return { userId, groupIds: memberships.filter((group): group is string => group !== undefined) };
    },
    async timeZoneOf(userId) {
      const cached = zones.get(userId);
      if (cached && cached.until > nowMs()) return cached.zone;
      try {
        const result = await client.users.info({ user: userId });
        const zone = result.user?.tz ?? 'UTC';
        zones.set(userId, { zone, until: nowMs() + TTL_MS });
        return zone;
      } catch {
        return 'UTC';
      }
    },
  };
}

/** Every user-group id the configuration mentions, where membership matters. */
export function configuredGroupIds(roles: { admins: string[]; responders: string[] }, teams: Array<{ responders: string[] }>): string[] {
  return [...new Set([...roles.admins, ...roles.responders, ...teams.flatMap((team) => team.responders)].filter((id) => id.startsWith('S')))];
}
