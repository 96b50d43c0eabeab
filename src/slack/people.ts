import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { DateTime } from 'luxon';
import type { PeopleDirectory } from '../alerts/actor-principal';
import { ProwlError } from '../errors';

const FOUND_TTL_MS = 60 * 60 * 1000;
const MISSING_TTL_MS = 5 * 60 * 1000;

/**
 * Slack users by email (users.lookupByEmail, scope users:read.email), cached per warm function like
 * the directory's group memberships. "Nobody has this email" is an answer and is cached briefly;
 * any other failure is thrown, so the notify message is retried rather than the question dropped.
 */
export function webApiPeople(client: WebClient, now: () => DateTime): PeopleDirectory {
  const cache = new Map<string, { userId: string | undefined; until: number }>();
  return {
    async userIdByEmail(email) {
      const key = email.toLowerCase();
      const cached = cache.get(key);
      if (cached && cached.until > now().toMillis()) return cached.userId;
      let userId: string | undefined;
      try {
        const result = await client.users.lookupByEmail({ email });
        userId = result.user?.deleted ? undefined : result.user?.id;
      } catch (error) {
        if (!(error instanceof WebAPIPlatformError && error.data.error === 'users_not_found'))
          throw new ProwlError('prowl_slack_failed', `users.lookupByEmail failed: ${(error as Error).message}`, { cause: error });
      }
      cache.set(key, { userId, until: now().toMillis() + (userId ? FOUND_TTL_MS : MISSING_TTL_MS) });
      return userId;
    },
  };
}

/** On a laptop without a workspace every person is the terminal user (`local`), who answers at the prompt. */
export function terminalPeople(): PeopleDirectory {
  return { userIdByEmail: async () => 'local' };
}
