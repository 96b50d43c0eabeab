import { logger } from '../logger';
import { runFollowUps, type FollowUpDeps } from './follow-ups';

/** How many due alerts one run looks at; the rest are still due on the next run, a minute later. */
const PER_RUN = 50;

export interface SweepOutcome {
  due: number;
  failed: number;
}

/**
 * The scheduled sweep (the escalate function, every minute): runs the follow-ups of every alert
 * that is due — confirmation timeouts, escalations, DMs and thread replies a failed notify left
 * behind. Each alert fails alone; a second sweep over the same minute finds nothing left to do,
 * because every step is claimed with a conditional write before anything is posted.
 */
export async function sweepDueAlerts(deps: FollowUpDeps): Promise<SweepOutcome> {
  const due = await deps.alerts.listDue(deps.now().toUTC().toISO()!, PER_RUN);
  let failed = 0;
  for (const alertId of due) {
    try {
      await runFollowUps(alertId, deps);
    } catch (error) {
      failed += 1;
      logger.error('follow-up failed; the alert stays due and is tried again next run', { alertId, error: (error as Error).message });
    }
  }
  return { due: due.length, failed };
}
