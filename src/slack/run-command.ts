import type { Actor } from '../alerts/roles';
import type { Triage } from '../alerts/triage';
import { asProwlError } from '../errors';
import { parseCommand, USAGE, type Command } from './commands';

/** What the user sees back; always ephemeral, since it answers only the person who asked. */
export interface Reply {
  text: string;
}

async function execute(command: Command, actor: Actor, triage: Triage): Promise<Reply> {
  switch (command.name) {
    case 'help':
      return { text: `*Prowl commands*\n${Object.values(USAGE).join('\n')}` };
    case 'alerts': {
      const alerts = await triage.list(command.status);
      if (alerts.length === 0) return { text: `No ${command.status.toLowerCase()} alerts.` };
      return { text: alerts.map((a) => `• [${a.severity}] ${a.title} — \`${a.id}\` (${a.matchCount} events)`).join('\n') };
    }
    case 'ack':
      await triage.acknowledge(command.alertId, actor);
      return { text: `Acknowledged \`${command.alertId}\`.` };
    case 'unack':
      await triage.unacknowledge(command.alertId, actor);
      return { text: `\`${command.alertId}\` is open again.` };
    case 'resolve':
      await triage.resolve(command.alertId, actor, command.reason, command.note);
      return { text: `Resolved \`${command.alertId}\` as ${command.reason}.` };
  }
}

/** Runs `/prowl <text>` for an actor. Never throws: every failure becomes an explanation. */
export async function runCommand(text: string, actor: Actor, triage: Triage): Promise<Reply> {
  try {
    return await execute(parseCommand(text), actor, triage);
  } catch (error) {
    const failure = asProwlError(error);
    if (failure.code === 'prowl_internal') return { text: 'Something went wrong on our side; it has been logged. Please try again.' };
    return { text: failure.message };
  }
}
