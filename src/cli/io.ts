/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type Command = (argv: string[], io: CommandIO) => Promise<number>;

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
