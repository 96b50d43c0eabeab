import { mrkdwn } from '../escape';
import { entry, resolveAlert } from './command';
import { alertReference } from './parse-args';

export interface EventsInput {
  name: 'events';
  alertId: string;
}

const USAGE = "/prowl events <alert-id> — what the alert's actor did around it, from the lake (the Show events button)";

export const eventsCommand = entry({
  name: 'events',
  usage: USAGE,
  parse: (args): EventsInput => ({ name: 'events', alertId: alertReference(USAGE, args[0]) }),
  resolve: resolveAlert,
  async run(input, { ops, actor, place }): Promise<'searching' | 'no-alert'> {
    if (!(await ops.triage.get(input.alertId))) return 'no-alert';
    await ops.searches.showEvents(input.alertId, actor, place.channel);
    return 'searching';
  },
  reply: (outcome, input) => ({
    text:
      outcome === 'no-alert'
        ? mrkdwn`no alert ${input.alertId}; \`/prowl alerts\` lists open ones`
        : mrkdwn`Searching the lake for what happened around \`${input.alertId}\`… the results will be posted here.`,
  }),
});
