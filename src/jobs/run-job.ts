import type { DateTime } from 'luxon';
import type { AlertStore } from '../alerts/alert-store';
import type { AuditLog } from '../alerts/audit';
import { isProwlError } from '../errors';
import { formatCsv } from '../search';
import type { SlackGateway } from '../slack/gateway';
import { scanSummaryMessage, searchFailedMessage, searchResultMessage } from '../slack/search-message';
import type { ScanOutcome } from '../alerts/policy-alerts';
import type { DigestOutcome } from '../notify/post-digests';
import { digestRunMessage } from '../slack/digest-message';
import type { AskedJob, Job } from './job';
import type { RescanTarget } from '../scan/rescan-target';
import { logger } from '../logger';
import type { SearchOutcome, SearchService } from '../search/search-service';
import { showEventsQuery } from './show-events';

export interface JobDeps {
  gateway: SlackGateway;
  search: SearchService;
  alerts: AlertStore;
  now: () => DateTime;
  /** Runs a scan narrowed to an account and/or resource type. */
  scan(only: { accountId?: string; resourceType?: string }): Promise<ScanOutcome>;
  /** Re-scans one changed resource; its alerts open or resolve and notify updates Slack. */
  rescan(target: RescanTarget): Promise<ScanOutcome | undefined>;
  /** Posts today's digest in every channel that has not had it (the digest function's use case). */
  digest(): Promise<DigestOutcome>;
  /** Admin queries (SQL, scans) are written here with what they asked and what they cost. */
  audit: AuditLog;
}

/** The audit subject that lists every admin query (`/prowl audit queries`). */
export const QUERIES_SUBJECT = 'queries';

async function auditQuery(deps: JobDeps, user: string, action: 'sql' | 'scan', after: Record<string, unknown>): Promise<void> {
  await deps.audit.record({ subject: QUERIES_SUBJECT, action, actor: user, at: deps.now().toUTC().toISO()!, after });
}

type ReplyTo = AskedJob['replyTo'];

/**
 * Runs a search and posts the answer where it was asked: a table of the first rows, and every
 * row as CSV. A query the user got wrong is answered with the reason and not retried; anything
 * else fails the job so the queue retries it.
 */
async function answerSearch(
  query: string,
  replyTo: ReplyTo,
  deps: JobDeps,
  heading: string,
  run: () => Promise<SearchOutcome> = () => deps.search.search(query),
  audited = false,
): Promise<void> {
  const thread = replyTo.threadTs ? { threadTs: replyTo.threadTs } : {};
  let outcome;
  try {
    outcome = await run();
  } catch (error) {
    if (audited) await auditQuery(deps, replyTo.user, 'sql', { text: query, error: error instanceof Error ? error.message : String(error) });
    if (isProwlError(error, 'prowl_bad_input')) {
      // Only the person who asked hears why: what they typed is theirs, not the channel's.
      await deps.gateway.postEphemeral(replyTo.channel, replyTo.user, searchFailedMessage(query, replyTo.user, error.message), thread);
      return;
    }
    throw error;
  }
  if (audited)
    await auditQuery(deps, replyTo.user, 'sql', {
      text: query,
      rows: outcome.result.rowCount,
      truncated: outcome.result.truncated,
      bytesScanned: outcome.result.bytesScanned,
      elapsedMs: outcome.result.elapsedMs,
    });
  await deps.gateway.post(replyTo.channel, searchResultMessage(query, replyTo.user, outcome.result, heading), thread);
  if (outcome.result.rowCount > 0) {
    const stamp = deps.now().toUTC().toISO({ suppressMilliseconds: true })!.replace(/[:.]/g, '-');
    await deps.gateway.upload(
      replyTo.channel,
      { filename: `prowl-search-${stamp}.csv`, title: `${heading} results (${outcome.result.rowCount} rows)`, content: formatCsv(outcome.result) },
      thread,
    );
  }
}

export async function runJob(job: Job, deps: JobDeps): Promise<void> {
  switch (job.type) {
    case 'search':
      return answerSearch(job.query, job.replyTo, deps, 'Search');
    case 'sql':
      return answerSearch(job.sql, job.replyTo, deps, 'SQL', () => deps.search.sql(job.sql), true);
    case 'scan': {
      const scope = [job.accountId ?? 'every account', job.resourceType ?? 'every resource type'].join(', ');
      const thread = job.replyTo.threadTs ? { threadTs: job.replyTo.threadTs } : {};
      try {
        const outcome = await deps.scan({
          ...(job.accountId ? { accountId: job.accountId } : {}),
          ...(job.resourceType ? { resourceType: job.resourceType } : {}),
        });
        await auditQuery(deps, job.replyTo.user, 'scan', {
          scope,
          opened: outcome.opened.length,
          resolved: outcome.resolved.length,
          stillFailing: outcome.stillFailing.length,
          collectionErrors: outcome.collectionErrors,
        });
        await deps.gateway.post(job.replyTo.channel, scanSummaryMessage(scope, job.replyTo.user, outcome), thread);
      } catch (error) {
        await auditQuery(deps, job.replyTo.user, 'scan', { scope, error: error instanceof Error ? error.message : String(error) });
        if (!isProwlError(error, 'prowl_bad_input') && !isProwlError(error, 'prowl_config_invalid')) throw error;
        await deps.gateway.postEphemeral(job.replyTo.channel, job.replyTo.user, searchFailedMessage(`scan ${scope}`, job.replyTo.user, error.message), thread);
      }
      return;
    }
    case 'digest': {
      const outcome = await deps.digest();
      await deps.gateway.postEphemeral(job.replyTo.channel, job.replyTo.user, digestRunMessage(outcome));
      return;
    }
    case 'rescan': {
      const outcome = await deps.rescan(job.target);
      logger.info('re-scanned a changed resource', { target: job.target, ...(outcome ?? { skipped: 'not in the scan plan' }) });
      return;
    }
    case 'show-events': {
      const alert = await deps.alerts.get(job.alertId);
      if (!alert) {
        await deps.gateway.postEphemeral(
          job.replyTo.channel,
          job.replyTo.user,
          searchFailedMessage('show events', job.replyTo.user, `alert ${job.alertId} no longer exists`),
          job.replyTo.threadTs ? { threadTs: job.replyTo.threadTs } : {},
        );
        return;
      }
      return answerSearch(showEventsQuery(alert), job.replyTo, deps, 'Events around this alert');
    }
  }
}
