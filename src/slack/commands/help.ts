import { untrusted } from '../escape';
import { entry, type TableEntry } from './command';

export const HELP_USAGE = '/prowl help — this list';

/** `/prowl help`: every command's usage line, in the table's order. */
export function helpCommand(usages: readonly string[]): TableEntry<{ name: 'help' }> {
  return entry({
    name: 'help',
    usage: HELP_USAGE,
    parse: () => ({ name: 'help' as const }),
    run: async () => usages,
    // Usage lines are literal text: `<alert-id>` and `<log-type|any>` would otherwise be read as Slack links.
    reply: (lines) => ({
      text: `*Prowl commands*\n${lines.map((line) => untrusted(line)).join('\n')}\n${untrusted("<alert-id> is the alert's number (#42 or 42) or its full id.")}`,
    }),
  });
}
