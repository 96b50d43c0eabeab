import { asProwlError } from '../errors';
import { DEV_USAGE, devCommand } from './dev-command';
import { writeLine, type Command, type CommandIO } from './io';
import { REPLAY_USAGE, replayCommand } from './replay-command';

const COMMANDS: Record<string, { usage: string; summary: string; run: Command }> = {
  dev: { usage: DEV_USAGE, summary: 'run Prowl locally: emulators, samples, inbox/ watching, Slack or terminal', run: devCommand },
  replay: { usage: REPLAY_USAGE, summary: 'run log files through every detection and print the alerts that would fire', run: (argv, io) => replayCommand(argv, io) },
};

function help(io: CommandIO): number {
  writeLine(io.stdout, 'prowl — security monitoring for AWS that lives in Slack\n');
  for (const command of Object.values(COMMANDS)) writeLine(io.stdout, `  ${command.usage.padEnd(52)} ${command.summary}`);
  return 0;
}

/** The `prowl` command. Returns the exit code: 0 ok, 1 failure, 2 bad usage or configuration. */
export async function main(argv: string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = COMMANDS[name];
  if (!command) {
    writeLine(io.stderr, `unknown command "${name}"; known: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const failure = asProwlError(error);
    const usage = failure.code === 'prowl_bad_command' || failure.code === 'prowl_config_invalid' || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    writeLine(io.stderr, `prowl ${name}: ${failure.message}`);
    return usage ? 2 : 1;
  }
}
