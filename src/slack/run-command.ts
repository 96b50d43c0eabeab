import type { Actor } from '../alerts/roles';
import { prepareCommand, type CommandPlace, type Reply } from './commands';
import { explainFailure } from './explain-failure';
import type { Operations } from './operations';

export type { CommandPlace, Reply };

/**
 * Runs `/prowl <text>` for an actor: parse, resolve references, check the role the command declares
 * (so a refused command never reaches its use case), run, reply. Never throws: every failure becomes an explanation.
 */
export async function runCommand(text: string, actor: Actor, place: CommandPlace, ops: Operations): Promise<Reply> {
  try {
    return await prepareCommand(text).execute({ actor, place, ops });
  } catch (error) {
    return { text: await explainFailure(error, { what: `/prowl ${text.trim().split(/\s+/)[0] ?? ''}`, userId: actor.userId, audit: ops.audit, now: ops.now }) };
  }
}
