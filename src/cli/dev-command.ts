import { watch } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { localSlackCredentials, readConfigFile } from '../config';
import { asProwlError, ProwlError } from '../errors';
import { logger } from '../logger';
import { startLocalStack, type LocalSlack, type LocalStack } from '../local/local-stack';
import { startTerminalPrompt, type TerminalPrompt } from '../local/terminal-slack';
import { createOperations, createServices } from '../app/services';
import { configuredGroupIds, webApiDirectory } from '../slack/directory';
import { createWebClient } from '../slack/gateway';
import { createSlackApp } from '../slack/app';
import { compactionTables } from '../lake/compaction';
import { s3LakeStorage } from '../lake/lake-storage';
import { startLakeCompactor, type LakeCompactor } from '../local/lake-compactor';
import { createSearchCatalog } from '../search/search-catalog';
import { describeHour } from './compact-command';
import { listFiles } from './files';
import { writeLine, type CommandIO } from './io';

export const DEV_USAGE = 'prowl dev [--once] [--data <dir>] [--inbox <dir>] [--samples <dir>] [--config <file>] [--verbose]';

/** Slack in a workspace when both tokens are given, else the terminal. Half a setup is an error, not a silent fallback. */
function chooseSlack(): LocalSlack & { appToken?: string } {
  const { botToken, appToken, signingSecret } = localSlackCredentials();
  if (!botToken && !appToken) return { mode: 'terminal' };
  if (!botToken || !appToken) {
    throw new ProwlError(
      'prowl_config_invalid',
      `Socket Mode needs both SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…); only ${botToken ? 'SLACK_BOT_TOKEN' : 'SLACK_APP_TOKEN'} is set. Unset it to use the terminal instead.`,
    );
  }
  return { mode: 'slack', botToken, appToken, ...(signingSecret ? { signingSecret } : {}) };
}

async function putFiles(stack: LocalStack, dir: string, prefix: string): Promise<number> {
  const files = await listFiles(dir).catch(() => []);
  for (const file of files) {
    if (file.size === 0) continue;
    await stack.putFile(`${prefix}${file.relative}`, file.path);
  }
  return files.length;
}

/** Puts files dropped into the inbox folder, once each version (by size and mtime). */
function watchInbox(stack: LocalStack, dir: string, io: CommandIO): () => void {
  const seen = new Map<string, string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const watcher = watch(dir, (_event, name) => {
    if (!name || name.startsWith('.')) return;
    clearTimeout(timers.get(name));
    // Wait for the writer to finish: many editors and `cp` emit several events per file.
    timers.set(
      name,
      setTimeout(() => void putIfNew(name), 300),
    );
  });
  async function putIfNew(name: string): Promise<void> {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.size === 0) return;
    const version = `${info.size}:${info.mtimeMs}`;
    if (seen.get(name) === version) return;
    seen.set(name, version);
    try {
      await stack.putFile(`inbox/${name}`, path);
      writeLine(io.stdout, `inbox: picked up ${name}`);
    } catch (error) {
      seen.delete(name); // try again when the file changes
      writeLine(io.stderr, `inbox: could not load ${name}: ${asProwlError(error).message}`);
    }
  }
  return () => {
    watcher.close();
    timers.forEach((timer) => clearTimeout(timer));
  };
}

/** One compaction pass, said in one line when it compacted anything; a failed pass never stops the stack. */
async function reportCompaction(compactor: LakeCompactor, io: CommandIO, options: { quiet?: boolean } = {}): Promise<void> {
  try {
    const summary = await compactor.runOnce();
    if (summary.compacted > 0 && !options.quiet) writeLine(io.stdout, `Compacted ${summary.compacted} closed lake hour(s) to Parquet.`);
  } catch (error) {
    writeLine(io.stderr, `lake: compaction failed: ${asProwlError(error).message}`);
  }
}

/**
 * `npm start`: the whole of Prowl on this machine. Boots the local stack (data under .prowl/),
 * loads samples/ and inbox/, and shows alerts in Slack (Socket Mode) or in the terminal. Whatever
 * fails, the emulators are stopped before it returns, so a failure is an exit, never a hang.
 */
export async function devCommand(argv: string[], io: CommandIO, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      once: { type: 'boolean', default: false },
      data: { type: 'string', default: '.prowl' },
      inbox: { type: 'string', default: 'inbox' },
      samples: { type: 'string', default: 'samples' },
      config: { type: 'string', default: 'prowl.config.yml' },
      verbose: { type: 'boolean', default: false },
    },
  });
  // A laptop wants alerts on screen, not every function's INFO line; --verbose brings them back.
  logger.setLogLevel(values.verbose ? 'INFO' : 'WARN');
  const root = process.cwd();
  const paths = {
    data: resolve(root, values.data),
    inbox: resolve(root, values.inbox),
    samples: resolve(root, values.samples),
    config: resolve(root, values.config),
  };
  readConfigFile(paths.config); // fail fast, before anything starts, with the config's own errors
  const slack = chooseSlack();
  await mkdir(paths.inbox, { recursive: true });

  writeLine(io.stdout, `Starting Prowl locally (data in ${values.data}/, Slack: ${slack.mode === 'slack' ? 'Socket Mode' : 'terminal'})…`);
  const stack = await startLocalStack({ root, stage: 'local', dataDir: paths.data, configPath: paths.config, slack });
  try {
    return await runDev(stack, slack, paths, values.once, io, input);
  } finally {
    await stack.stop();
  }
}

async function runDev(
  stack: LocalStack,
  slack: ReturnType<typeof chooseSlack>,
  paths: { inbox: string; samples: string },
  once: boolean,
  io: CommandIO,
  input: NodeJS.ReadableStream,
): Promise<number> {
  const services = createServices(stack.runtime, stack.clients);
  const directory =
    slack.mode === 'slack'
      ? webApiDirectory(createWebClient(slack.botToken), async () => configuredGroupIds(services.config.roles, await services.teams()), services.now)
      : undefined;
  const localZone = DateTime.local().zoneName ?? 'UTC';
  const ops = createOperations(services, (userId) => (directory ? directory.timeZoneOf(userId) : Promise.resolve(localZone)));

  const samples = await putFiles(stack, paths.samples, 'samples/');
  const inbox = await putFiles(stack, paths.inbox, 'inbox/');
  writeLine(io.stdout, `Loaded ${samples} sample file(s) and ${inbox} inbox file(s).`);
  const compactor = startLakeCompactor({
    storage: s3LakeStorage(stack.clients.s3, stack.runtime.buckets.lake),
    tables: compactionTables(createSearchCatalog(services.logTypes.all())),
    settleMinutes: services.config.lake.compaction.settleMinutes,
    now: services.now,
    onHour: (report) => {
      if (report.outcome === 'failed') writeLine(io.stderr, `lake: ${describeHour(report)}`);
    },
    onError: (error) => writeLine(io.stderr, `lake: compaction failed: ${asProwlError(error).message}`),
  });
  try {
    return await runStarted(stack, slack, paths, once, io, input, { ops, directory, compactor });
  } finally {
    await compactor.stop();
  }
}

async function runStarted(
  stack: LocalStack,
  slack: ReturnType<typeof chooseSlack>,
  paths: { inbox: string },
  once: boolean,
  io: CommandIO,
  input: NodeJS.ReadableStream,
  started: { ops: ReturnType<typeof createOperations>; directory: ReturnType<typeof webApiDirectory> | undefined; compactor: LakeCompactor },
): Promise<number> {
  const { ops, directory, compactor } = started;
  if (once) {
    // A large file takes as long as it takes: wait while work moves, give up only when it stalls.
    const { retrying } = await stack.runner.idle({ stallMs: 120_000 });
    await reportCompaction(compactor, io);
    const open = [...(await ops.triage.list('OPEN', 100)), ...(await ops.triage.list('ACKNOWLEDGED', 100))];
    writeLine(io.stdout, `\n${open.length} open alert(s):`);
    for (const alert of open)
      writeLine(io.stdout, `  [${alert.severity}] ${alert.title} — ${alert.id} (${alert.matchCount} event${alert.matchCount === 1 ? '' : 's'})`);
    if (retrying > 0) writeLine(io.stderr, `${retrying} message(s) failed and are waiting to be retried; see the log lines above.`);
    return retrying > 0 ? 1 : 0;
  }

  const stopWatching = watchInbox(stack, paths.inbox, io);
  const app = slack.mode === 'slack' && directory ? createSlackApp({ botToken: slack.botToken, appToken: slack.appToken! }, { ops, directory }) : undefined;
  try {
    if (app) await app.start();
    // Hours the lake already closed (an earlier run, samples from the past) need not wait for the
    // timer; quietly, so the line does not land in the middle of the prompt.
    void stack.runner.idle({ stallMs: 120_000 }).then(
      () => reportCompaction(compactor, io, { quiet: true }),
      () => undefined, // a stalled queue is reported where it is waited for; the timer compacts later
    );
    let prompt: TerminalPrompt | undefined;
    await new Promise<void>((stopped) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        stopped();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // In the terminal, `quit` or the end of standard input (a pipe or file that ran out) stops it too.
      if (!app) prompt = startTerminalPrompt(input, io.stdout, ops, stop);
      writeLine(io.stdout, 'Prowl is running. Drop log files into inbox/; Ctrl-C stops.');
    });
    prompt?.close();
    return 0;
  } finally {
    stopWatching();
    await app?.stop();
  }
}
