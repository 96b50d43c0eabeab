import type { Alert, AlertStatus } from '../../alerts/alert';
import { teamFor } from '../../alerts/routing';
import { SEVERITIES, severityRank, type Severity } from '../../config/severity';
import { mention } from '../alert-message';
import { markup, mrkdwn, type Markup } from '../escape';
import { entry } from './command';
import { bullet } from './list-reply';
import { misuse } from './parse-args';

export interface AlertsInput {
  name: 'alerts';
  status: AlertStatus;
  team?: string;
  minSeverity?: Severity;
  /** Only the alerts assigned to the person asking. */
  mine?: true;
}

const USAGE = '/prowl alerts [open|acked|resolved] [mine] [team] [severity>=LEVEL] — recent alerts (default: open; mine: assigned to you)';
const STATUS_WORDS: Record<string, AlertStatus> = { open: 'OPEN', acked: 'ACKNOWLEDGED', acknowledged: 'ACKNOWLEDGED', resolved: 'RESOLVED' };

function parse(args: readonly string[]): AlertsInput {
  let status: AlertStatus = 'OPEN';
  let team: string | undefined;
  let minSeverity: Severity | undefined;
  let mine = false;
  for (const arg of args) {
    const state = STATUS_WORDS[arg.toLowerCase()];
    const severity = /^severity>=(\w+)$/i.exec(arg);
    if (state) status = state;
    else if (arg.toLowerCase() === 'mine') mine = true;
    else if (severity) {
      const level = severity[1]!.toUpperCase() as Severity;
      if (!SEVERITIES.includes(level)) throw misuse(USAGE, `unknown severity "${severity[1]}"; use one of ${SEVERITIES.join(', ')}.`);
      minSeverity = level;
    } else if (/^[a-z0-9][a-z0-9-]*$/.test(arg) && !team) team = arg;
    else throw misuse(USAGE, `"${arg}" is not a state (${Object.keys(STATUS_WORDS).join(', ')}), a team name, or severity>=LEVEL.`);
  }
  return { name: 'alerts', status, ...(team ? { team } : {}), ...(minSeverity ? { minSeverity } : {}), ...(mine ? { mine: true as const } : {}) };
}

/** ` · @owner` after an assigned alert (the mention is Prowl's own markup; anything else was escaped by `mention`). */
function owner(alert: Alert): Markup {
  return markup(alert.assignee ? ` · ${mention(alert.assignee)}` : '');
}

export const alertsCommand = entry({
  name: 'alerts',
  usage: USAGE,
  parse,
  async run(input, { ops, actor }): Promise<Alert[]> {
    const teams = await ops.routes.teams();
    return (await ops.triage.list(input.status, 200)).filter(
      (a) =>
        (!input.minSeverity || severityRank(a.severity) >= severityRank(input.minSeverity)) &&
        (!input.team || teamFor(a, teams)?.name === input.team) &&
        (!input.mine || a.assignee === actor.userId),
    );
  },
  reply: (alerts, input) =>
    bullet(
      alerts.map(
        (a) =>
          mrkdwn`• ${a.number !== undefined ? `#${a.number} ` : ''}[${a.severity}] ${a.title} — \`${a.id}\` (${a.matchCount} events, last ${a.lastSeen})${owner(a)}`,
      ),
      mrkdwn`No ${input.status.toLowerCase()} alerts${input.mine ? ' assigned to you' : ''}${input.team ? ` for ${input.team}` : ''}.`,
    ),
});
