import type { ScheduledEvent } from 'aws-lambda';
import { createFollowUpDeps, createPacedSlackGateway, createServices } from '../src/app/services';
import { runtimeConfigFromProcess } from '../src/config';
import { ProwlError } from '../src/errors';
import { logger } from '../src/logger';
import { sweepDueAlerts, type SweepOutcome } from '../src/notify/escalation-sweep';
import { once } from '../src/once';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  // Escalations land in the alerts' channels, many at once when a storm goes unacknowledged: paced like notify's posts.
  return createFollowUpDeps(services, await createPacedSlackGateway(services));
});

/** prowl-escalate: every minute, the follow-ups that are due (escalations, "was this you?" timeouts). */
export const handler = async (_event: ScheduledEvent): Promise<SweepOutcome> => {
  const outcome = await sweepDueAlerts(await deps());
  logger.info('escalation sweep finished', { ...outcome });
  // A failed alert stays due and is retried next minute; the failure still counts as an error, so the alarm sees it.
  if (outcome.failed > 0) throw new ProwlError('prowl_internal', `${outcome.failed} of ${outcome.due} due alert(s) failed their follow-ups`);
  return outcome;
};
