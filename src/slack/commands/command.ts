import type { Permission } from '../../alerts/access';
import type { Actor } from '../../alerts/roles';
import type { Operations } from '../operations';

/** What the user sees back; ephemeral, since it answers only the person who asked. */
export interface Reply {
  text: string;
}

/** Where the command was typed, so a job can answer in the same place. */
export interface CommandPlace {
  channel: string;
}

export interface CommandContext {
  actor: Actor;
  place: CommandPlace;
  ops: Operations;
}

/**
 * One `/prowl` command: how it is written, what it needs, what it does and what it answers.
 * `run` calls the use case; `reply` turns what came back into the text the person reads.
 */
export interface CommandHandler<Input, Outcome> {
  name: string;
  /** One line; `/prowl help` lists these and misuse quotes the command's own. */
  usage: string;
  /** The words after the command's name, and the same as typed (for commands that take free text). */
  parse(args: readonly string[], rest: string): Input;
  /** Looks up what the input refers to (an alert's `#42` → its id), before the role check and the run. */
  resolve?(input: Input, ops: Operations): Promise<Input>;
  /** The role the command needs; absent (or undefined for this input), anyone may run it, viewers included. */
  permission?(input: Input): Permission | undefined;
  run(input: Input, context: CommandContext): Promise<Outcome>;
  reply(outcome: Outcome, input: Input): Reply;
}

/** A command parsed and ready: its input as typed, and how to run it. */
export interface ParsedCommand<Input> {
  input: Input;
  /** Resolves references, checks the declared role (a refused command never runs), runs, replies. */
  execute(context: CommandContext): Promise<Reply>;
}

/** A handler with its outcome type closed over, so the handlers of different commands fit in one table. */
export interface TableEntry<Input> {
  name: string;
  usage: string;
  parse(args: readonly string[], rest: string): ParsedCommand<Input>;
  /** The role the command declares for an input (for the table's own tests and docs). */
  permission(input: Input): Permission | undefined;
}

export function entry<Input, Outcome>(handler: CommandHandler<Input, Outcome>): TableEntry<Input> {
  return {
    name: handler.name,
    usage: handler.usage,
    permission: (input) => handler.permission?.(input),
    parse(args, rest) {
      const input = handler.parse(args, rest);
      return {
        input,
        async execute(context) {
          const resolved = handler.resolve ? await handler.resolve(input, context.ops) : input;
          const permission = handler.permission?.(resolved);
          if (permission) await context.ops.access.require(context.actor, permission);
          return handler.reply(await handler.run(resolved, context), resolved);
        },
      };
    },
  };
}

/** For commands that act on one alert: `#42` becomes the alert's id before anything else happens. */
export async function resolveAlert<Input extends { alertId: string }>(input: Input, ops: Operations): Promise<Input> {
  return { ...input, alertId: await ops.triage.idOf(input.alertId) };
}
