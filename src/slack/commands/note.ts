import { mrkdwn } from '../escape';
import { entry, resolveAlert } from './command';
import { alertReference, misuse } from './parse-args';

export interface NoteInput {
  name: 'note';
  alertId: string;
  text: string;
}

const USAGE = "/prowl note <alert-id> <text…> — add a note to the alert's thread and audit trail";
/** A thread reply's section holds 3,000 characters; the note keeps room for who wrote it and when. */
const NOTE_LIMIT = 2000;

export const noteCommand = entry({
  name: 'note',
  usage: USAGE,
  parse(args, rest): NoteInput {
    const alertId = alertReference(USAGE, args[0]);
    // The note is kept as typed (quotes and spacing included): everything after the alert reference.
    const text = rest.slice(rest.indexOf(args[0]!) + args[0]!.length).trim();
    if (text === '') throw misuse(USAGE, 'write the note after the alert, e.g. /prowl note #42 rotated the key.');
    if (text.length > NOTE_LIMIT) throw misuse(USAGE, `a note holds at most ${NOTE_LIMIT} characters; this one has ${text.length}.`);
    return { name: 'note', alertId, text };
  },
  resolve: resolveAlert,
  permission: (input) => ({ role: 'responder', what: 'add notes to alerts', alertId: input.alertId }),
  run: async (input, { ops, actor }) => void (await ops.triage.note(input.alertId, input.text, actor)),
  reply: (_, input) => ({ text: mrkdwn`Noted on \`${input.alertId}\`; it will appear in the alert's thread.` }),
});
