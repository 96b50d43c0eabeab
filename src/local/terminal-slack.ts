import { createInterface } from 'node:readline';
import type { Actor } from '../alerts/roles';
import type { Operations } from '../slack/operations';
import { plain } from '../slack/render-text';
import { runCommand } from '../slack/run-command';

export const TERMINAL_USER: Actor = { userId: 'local', groupIds: [] };

export interface TerminalPrompt {
  /** Resolves once the prompt has stopped: `quit`, the end of its input, or close(), after the command in hand has answered. */
  closed: Promise<void>;
  close(): void;
}

/**
 * The prompt that stands in for Slack on a laptop: `/prowl …` lines go through the same command
 * code as the slash command, as the `local` user (give it a role in prowl.config.yml). Commands
 * run one at a time, in the order typed, so piped input answers in order and `quit` (or the end
 * of the input) waits for the answers before it stops.
 */
export function startTerminalPrompt(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  ops: Operations,
  onQuit: () => void = () => undefined,
): TerminalPrompt {
  const prompt = createInterface({ input, output, terminal: false });
  output.write('Type /prowl help for commands, or quit to stop.\n');
  let queue: Promise<void> = Promise.resolve();
  let stopping = false;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    prompt.close();
    void queue.then(() => {
      markClosed();
      onQuit();
    });
  };
  const answer = async (command: string): Promise<void> => {
    try {
      const reply = await runCommand(command, TERMINAL_USER, { channel: 'terminal' }, ops);
      output.write(`${plain(reply.text)}\n`);
    } catch (error) {
      output.write(`That command failed: ${(error as Error).message}\n`);
    }
  };

  prompt.on('line', (line) => {
    if (stopping) return;
    const text = line.trim();
    if (text === '') return;
    if (text === 'quit' || text === 'exit') return stop();
    const command = text.replace(/^\/prowl\b\s*/, '');
    if (command === text && !text.startsWith('/')) {
      queue = queue.then(() => void output.write('Commands start with /prowl — try /prowl help\n'));
      return;
    }
    queue = queue.then(() => answer(command));
  });
  prompt.on('close', stop);
  return { closed, close: stop };
}
