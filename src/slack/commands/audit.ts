import type { AuditEntry } from '../../alerts/audit';
import { mrkdwn, untrusted } from '../escape';
import { entry } from './command';
import { LIST_LIMIT, bullet } from './list-reply';
import { alertReference, identifier } from './parse-args';

export interface AuditInput {
  name: 'audit';
  subject?: string;
}

const USAGE = '/prowl audit [alert-id|rule-id|suppression-id|team] — who changed what';

export const auditCommand = entry({
  name: 'audit',
  usage: USAGE,
  parse: (args): AuditInput => ({
    name: 'audit',
    ...(args[0] ? { subject: /^#?\d+$/.test(args[0]) ? alertReference(USAGE, args[0]) : identifier(USAGE, 'an id', args[0]) } : {}),
  }),
  // An alert's trail is under its id: `#42` is looked up first.
  resolve: async (input, ops) => (input.subject?.startsWith('#') ? { ...input, subject: await ops.triage.idOf(input.subject) } : input),
  async run({ subject }, { ops }): Promise<{ subject: string; entries: AuditEntry[] } | undefined> {
    if (!subject) return undefined;
    // A team's changes are recorded under `team:<name>`, so a bare name finds them too.
    return { subject, entries: [...(await ops.audit.list(subject, LIST_LIMIT)), ...(await ops.audit.list(`team:${subject}`, LIST_LIMIT))] };
  },
  reply: (found) =>
    found === undefined
      ? { text: `Say what to audit.\nUsage: ${untrusted(USAGE)}` }
      : bullet(
          found.entries.map((e) => mrkdwn`• ${e.at} ${e.actor} ${e.action}${e.after ? ` → ${JSON.stringify(e.after)}` : ''}`),
          mrkdwn`No changes recorded for ${found.subject}.`,
        ),
});
