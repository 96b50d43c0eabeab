import { mention } from '../alert-message';
import { mrkdwn, markup } from '../escape';
import { entry, resolveAlert } from './command';
import { alertReference, misuse } from './parse-args';

export interface AssignInput {
  name: 'assign';
  alertId: string;
  /** A Slack user id, or `me` (the person typing), resolved when the command runs. */
  assignee: string;
}

export interface UnassignInput {
  name: 'unassign';
  alertId: string;
}

const ASSIGN_USAGE = '/prowl assign <alert-id> <@person|me> — make someone the owner of an alert (they get a DM)';
const UNASSIGN_USAGE = '/prowl unassign <alert-id> — the alert has no owner again';

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/**
 * Who to assign. Slack sends a picked person as `<@U123|name>` (`<@U123>` without a name, and
 * `@U123` once the command text has been unescaped); a bare `@name` carries no id to act on.
 */
export function assigneeOf(usage: string, value: string | undefined): string {
  if (!value) throw misuse(usage, 'say who: @someone (picked from Slack’s list) or me.');
  if (value.toLowerCase() === 'me') return 'me';
  const mentioned = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(value) ?? /^@([A-Z0-9]+)$/.exec(value);
  if (mentioned && SLACK_USER.test(mentioned[1]!)) return mentioned[1]!;
  throw misuse(usage, `"${value.slice(0, 40)}" is not a person Slack named; pick them from the list @ opens, or write me.`);
}

export const assignCommand = entry({
  name: 'assign',
  usage: ASSIGN_USAGE,
  parse(args): AssignInput {
    const alertId = alertReference(ASSIGN_USAGE, args[0]);
    if (args.length > 2) throw misuse(ASSIGN_USAGE, 'give one person.');
    return { name: 'assign', alertId, assignee: assigneeOf(ASSIGN_USAGE, args[1]) };
  },
  resolve: resolveAlert,
  permission: (input) => ({ role: 'responder', what: 'assign alerts', alertId: input.alertId }),
  async run(input, { ops, actor }): Promise<string> {
    const assignee = input.assignee === 'me' ? actor.userId : input.assignee;
    const assigned = await ops.triage.assign(input.alertId, assignee, actor);
    return assigned.assignee ?? assignee;
  },
  reply: (assignee, input) => ({ text: mrkdwn`\`${input.alertId}\` is assigned to ${markup(mention(assignee))}.` }),
});

export const unassignCommand = entry({
  name: 'unassign',
  usage: UNASSIGN_USAGE,
  parse: (args): UnassignInput => ({ name: 'unassign', alertId: alertReference(UNASSIGN_USAGE, args[0]) }),
  resolve: resolveAlert,
  permission: (input) => ({ role: 'responder', what: 'unassign alerts', alertId: input.alertId }),
  run: async (input, { ops, actor }) => void (await ops.triage.unassign(input.alertId, actor)),
  reply: (_, input) => ({ text: mrkdwn`\`${input.alertId}\` has no owner now.` }),
});
