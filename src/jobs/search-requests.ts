import { requireRole, type Actor } from '../alerts/roles';
import type { ConfigFile } from '../config';
import { parseQuery, validateReadOnlySql } from '../search';
import type { JobQueue } from './job';

/**
 * Accepts searches and scans from Slack: checks what can be checked at once (query syntax, the admin role
 * and read-only shape for SQL) so mistakes come back in the ephemeral reply, then queues the run.
 */
export function createSearchRequests(deps: { jobs: JobQueue; config: Pick<ConfigFile, 'roles' | 'teams'> }) {
  return {
    async search(query: string, actor: Actor, channel: string): Promise<void> {
      parseQuery(query);
      await deps.jobs.send({ type: 'search', query, replyTo: { channel, user: actor.userId } });
    },
    async showEvents(alertId: string, actor: Actor, channel: string, threadTs?: string): Promise<void> {
      await deps.jobs.send({ type: 'show-events', alertId, replyTo: { channel, user: actor.userId, ...(threadTs ? { threadTs } : {}) } });
    },
    async scan(only: { accountId?: string; resourceType?: string }, actor: Actor, channel: string): Promise<void> {
      requireRole(actor, 'responder', deps.config, 'run scans');
      await deps.jobs.send({ type: 'scan', ...only, replyTo: { channel, user: actor.userId } });
    },
    async digest(actor: Actor, channel: string): Promise<void> {
      requireRole(actor, 'admin', deps.config, 'post the digest');
      await deps.jobs.send({ type: 'digest', replyTo: { channel, user: actor.userId } });
    },
    async sql(statement: string, actor: Actor, channel: string): Promise<void> {
      requireRole(actor, 'admin', deps.config, 'run SQL');
      validateReadOnlySql(statement);
      await deps.jobs.send({ type: 'sql', sql: statement, replyTo: { channel, user: actor.userId } });
    },
  };
}

export type SearchRequests = ReturnType<typeof createSearchRequests>;
