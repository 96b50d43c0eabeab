import { mrkdwn } from '../escape';
import { entry } from './command';
import { identifier, misuse } from './parse-args';

export interface ConfirmInput {
  name: 'confirm';
  alertId: string;
  yes: boolean;
}

const USAGE = '/prowl confirm <alert-id> yes|no — answer "was this you?" about an alert (only the person asked)';

/**
 * The DM's two buttons as a command (the terminal prompt has no buttons). Anyone may type it; the
 * use case lets only the person asked answer, and refuses everyone else.
 */
export const confirmCommand = entry({
  name: 'confirm',
  usage: USAGE,
  parse: (args): ConfirmInput => {
    const alertId = identifier(USAGE, 'an alert id', args[0]);
    const answer = (args[1] ?? '').toLowerCase();
    if (answer !== 'yes' && answer !== 'no') throw misuse(USAGE, 'answer yes (it was you) or no (it was not).');
    return { name: 'confirm', alertId, yes: answer === 'yes' };
  },
  run: (input, { ops, actor }) => ops.confirmations.answer(input.alertId, actor, input.yes),
  reply: (alert, input) => ({
    text: input.yes
      ? alert.status === 'RESOLVED' && alert.resolution?.reason === 'benign'
        ? mrkdwn`Thanks — recorded for \`${input.alertId}\`, and the alert is resolved as expected activity.`
        : mrkdwn`Thanks — recorded for \`${input.alertId}\`. The security team can see your answer.`
      : mrkdwn`Thanks — the security team has been told at once about \`${input.alertId}\`.`,
  }),
});
