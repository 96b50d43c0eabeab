import { ProwlError } from '../../errors';
import { ackCommand, unackCommand } from './ack';
import { alertsCommand } from './alerts';
import { assignCommand, unassignCommand } from './assign';
import { auditCommand } from './audit';
import type { ParsedCommand, TableEntry } from './command';
import { confirmCommand } from './confirm';
import { eventsCommand } from './events';
import { HELP_USAGE, helpCommand } from './help';
import { homeCommand } from './home';
import { digestCommand } from './digest';
import { tokenize } from './parse-args';
import { noteCommand } from './note';
import { resolveCommand } from './resolve';
import { routeCommand } from './route';
import { rulesCommand } from './rules';
import { scanCommand } from './scan';
import { searchCommand } from './search';
import { sqlCommand } from './sql';
import { statsCommand } from './stats';
import { suppressCommand, suppressionsCommand, unsuppressCommand } from './suppress';

export type { CommandContext, CommandPlace, Reply } from './command';
export { tokenize };

const COMMANDS_BUT_HELP = [
  alertsCommand,
  ackCommand,
  unackCommand,
  assignCommand,
  unassignCommand,
  noteCommand,
  eventsCommand,
  resolveCommand,
  confirmCommand,
  suppressCommand,
  suppressionsCommand,
  unsuppressCommand,
  rulesCommand,
  routeCommand,
  auditCommand,
  searchCommand,
  sqlCommand,
  scanCommand,
  homeCommand,
  statsCommand,
  digestCommand,
] as const;

/** Every usage line, in the order `/prowl help` and the unknown-command reply list them. */
export const USAGES: readonly string[] = [HELP_USAGE, ...COMMANDS_BUT_HELP.map((command) => command.usage)];

/** The table of `/prowl` commands: help, dispatch and the unknown-command reply all come from it. */
export const COMMANDS = [helpCommand(USAGES), ...COMMANDS_BUT_HELP] as const;

/** What any command parses to: the union of every handler's input. */
export type Command = ReturnType<(typeof COMMANDS)[number]['parse']>['input'];

const BY_NAME = new Map<string, TableEntry<Command>>(COMMANDS.map((command) => [command.name, command]));

/** The table's entry for a command's name (as typed, any case). */
export function commandNamed(name: string): TableEntry<Command> | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Reads the text after `/prowl` into a command ready to authorize and run. Errors name what was wrong and show the usage. */
export function prepareCommand(text: string): ParsedCommand<Command> {
  const trimmed = text.trim();
  const [word, ...args] = tokenize(trimmed);
  const handler = commandNamed(word ?? 'help');
  if (!handler) throw new ProwlError('prowl_bad_command', `unknown command "${word}". Try one of:\n${USAGES.join('\n')}`);
  return handler.parse(args, word === undefined ? '' : trimmed.slice(word.length).trim());
}

/** Parses the text after `/prowl` into its command's input. */
export function parseCommand(text: string): Command {
  return prepareCommand(text).input;
}
