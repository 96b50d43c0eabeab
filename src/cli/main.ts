import { rules as pack } from '../../detections';
import { join } from 'node:path';
import { policies } from '../../detections/policies';
import { loadRuleSet } from '../detect/rule-set';
import { asProwlError } from '../errors';
import { localName } from '../local/provision';
import { COMPACT_USAGE, compactCommand } from './compact-command';
import { DEV_USAGE, devCommand } from './dev-command';
import { writeLine, type Command, type CommandIO } from './io';
import { PARSE_USAGE, parseCommand } from './parse-command';
import { REPLAY_USAGE, replayCommand } from './replay-command';
import { SCAN_USAGE, scanCommand } from './scan-command';
import { SIGMA_USAGE, sigmaCommand } from './sigma-command';
import { searchCommand } from './search-command';
import { TEST_USAGE, testCommand } from './test-command';

/** The project the CLI runs in: where prowl.config.yml, detections/ and .prowl/ are. */
const ROOT = process.cwd();
const SIGMA_DIR = join(ROOT, 'detections', 'sigma');
const CONFIG_PATH = join(ROOT, 'prowl.config.yml');
/** The lake `npm start` fills: its S3 emulator mirrors the lake bucket here, in the lake's own layout. */
const LOCAL_LAKE_DIR = join(ROOT, '.prowl', 's3', localName({ service: 'prowl', stage: 'local' }, 'LakeBucket'));

const COMMANDS: Record<string, { usage: string; summary: string; run: Command }> = {
  dev: { usage: DEV_USAGE, summary: 'run Prowl locally: emulators, samples, inbox/ watching, Slack or terminal', run: devCommand },
  parse: { usage: PARSE_USAGE, summary: 'parse a log file: normalized events as JSON lines, a summary on stderr', run: (argv, io) => parseCommand(argv, io) },
  test: {
    usage: TEST_USAGE,
    summary: "run every detection's and policy's tests (TypeScript and Sigma)",
    run: (argv, io) => testCommand(argv, io, loadRuleSet(pack, [{ dir: SIGMA_DIR, strict: true }]).rules, policies),
  },
  replay: {
    usage: REPLAY_USAGE,
    summary: 'run log files through every detection and print the alerts that would fire',
    run: (argv, io) =>
      replayCommand(argv, io, (extra, strict) => loadRuleSet(pack, [{ dir: SIGMA_DIR, strict: true }, ...extra.map((dir) => ({ dir, strict }))]), CONFIG_PATH),
  },
  sigma: {
    usage: SIGMA_USAGE,
    summary: 'check a folder of Sigma rules: each rule loaded or skipped, with the reason',
    run: (argv, io) => sigmaCommand(argv, io),
  },
  search: {
    usage: 'prowl search [--format table|json] <query>',
    summary: 'search the local lake that npm start fills (DuckDB)',
    run: (argv, io) => searchCommand(argv, io, { lakeDir: LOCAL_LAKE_DIR }),
  },
  compact: {
    usage: COMPACT_USAGE,
    summary: 'rewrite the closed hours of the local lake as Parquet (npm start does it in the background)',
    run: (argv, io) => compactCommand(argv, io, { lakeDir: LOCAL_LAKE_DIR, configPath: CONFIG_PATH }),
  },
  scan: { usage: SCAN_USAGE, summary: 'evaluate the policy pack over resource JSON offline', run: (argv, io) => scanCommand(argv, io, policies, CONFIG_PATH) },
};

function help(io: CommandIO): number {
  writeLine(io.stdout, 'prowl — security monitoring for AWS that lives in Slack\n');
  for (const command of Object.values(COMMANDS)) writeLine(io.stdout, `  ${command.usage.padEnd(60)} ${command.summary}`);
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
    const usage =
      failure.code === 'prowl_bad_command' || failure.code === 'prowl_config_invalid' || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    writeLine(io.stderr, `prowl ${name}: ${failure.message}`);
    return usage ? 2 : 1;
  }
}
