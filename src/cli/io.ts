import { terminalSafe } from '../slack/escape';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type Command = (argv: string[], io: CommandIO) => Promise<number>;

/** Every line a command prints may quote log data: control characters (screen-clearing escapes) never reach the terminal. */
export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${terminalSafe(text)}\n`);
}
