import { createInterface } from 'node:readline';
import type { Actor } from '../alerts/roles';
import type { Operations } from '../slack/operations';
import { plain } from '../slack/render-text';
import { runCommand } from '../slack/run-command';

export const TERMINAL_USER: Actor = { userId: 'local', groupIds: [] };

/**
 * The prompt that stands in for Slack on a laptop: `/prowl …` lines go through the same command
 * code as the slash command, as the `local` user (give it a role in prowl.config.yml).
 */
export function startTerminalPrompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, ops: Operations, onQuit: () => void): { close(): void } {
  const prompt = createInterface({ input, output, terminal: false });
  output.write('Type /prowl help for commands, or quit to stop.\n');
  prompt.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    if (text === 'quit' || text === 'exit') return onQuit();
    const command = text.replace(/^\/prowl\b\s*/, '');
    if (command === text && !text.startsWith('/')) {
      output.write('Commands start with /prowl — try /prowl help\n');
      return;
    }
    void runCommand(command, TERMINAL_USER, { channel: 'terminal' }, ops).then((reply) => output.write(`${plain(reply.text)}\n`));
  });
  return { close: () => prompt.close() };
}
