import { watch } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { localSlackCredentials, readConfigFile } from '../config';
import { ProwlError } from '../errors';
import { logger } from '../logger';
import { startLocalStack, type LocalSlack, type LocalStack } from '../local/local-stack';
import { startTerminalPrompt } from '../local/terminal-slack';
import { createOperations, createServices } from '../services';
import { configuredGroupIds, webApiDirectory } from '../slack/directory';
import { createWebClient } from '../slack/gateway';
import { createSlackApp } from '../slack/app';
import { listFiles } from './files';
import { writeLine, type CommandIO } from './io';

export const DEV_USAGE = 'prowl dev [--once] [--data <dir>] [--verbose]';

/** Slack in a workspace when both tokens are given, else the terminal. Half a setup is an error, not a silent fallback. */
function chooseSlack(): LocalSlack & { appToken?: string } {
  const { botToken, appToken, signingSecret } = localSlackCredentials();
  if (!botToken && !appToken) return { mode: 'terminal' };
  if (!botToken || !appToken) {
    throw new ProwlError('prowl_config_invalid', `Socket Mode needs both SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…); only ${botToken ? 'SLACK_BOT_TOKEN' : 'SLACK_APP_TOKEN'} is set. Unset it to use the terminal instead.`);
  }
  return { mode: 'slack', botToken, appToken, ...(signingSecret ? { signingSecret } : {}) };
}

async function putFiles(stack: LocalStack, dir: string, prefix: string): Promise<number> {
  const files = await listFiles(dir).catch(() => []);
  for (const file of files) {
    if (file.size === 0) continue;
    await stack.putObject(`${prefix}${file.relative}`, await readFile(file.path));
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
    timers.set(name, setTimeout(() => void putIfNew(name), 300));
  });
  async function putIfNew(name: string): Promise<void> {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.size === 0) return;
    const version = `${info.size}:${info.mtimeMs}`;
    if (seen.get(name) === version) return;
    seen.set(name, version);
    await stack.putObject(`inbox/${name}`, await readFile(path));
    writeLine(io.stdout, `inbox: picked up ${name}`);
  }
  return () => {
    watcher.close();
    timers.forEach((timer) => clearTimeout(timer));
  };
}

/**
 * `npm start`: the whole of Prowl on this machine. Boots the local stack (data under .prowl/),
 * loads samples/ and inbox/, and shows alerts in Slack (Socket Mode) or in the terminal.
 */
export async function devCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { once: { type: 'boolean', default: false }, data: { type: 'string', default: '.prowl' }, verbose: { type: 'boolean', default: false } } });
  // A laptop wants alerts on screen, not every function's INFO line; --verbose brings them back.
  logger.setLogLevel(values.verbose ? 'INFO' : 'WARN');
  const root = process.cwd();
  readConfigFile(join(root, 'prowl.config.yml')); // fail fast, before anything starts, with the config's own errors
  const slack = chooseSlack();
  await mkdir(join(root, 'inbox'), { recursive: true });

  writeLine(io.stdout, `Starting Prowl locally (data in ${values.data}/, Slack: ${slack.mode === 'slack' ? 'Socket Mode' : 'terminal'})…`);
  const stack = await startLocalStack({ root, stage: 'local', dataDir: join(root, values.data!), slack });
  const services = createServices(stack.runtime, stack.clients);
  const directory = slack.mode === 'slack' ? webApiDirectory(createWebClient(slack.botToken), async () => configuredGroupIds(services.config.roles, await services.teams())) : undefined;
  const localZone = DateTime.local().zoneName ?? 'UTC';
  const ops = createOperations(services, (userId) => (directory ? directory.timeZoneOf(userId) : Promise.resolve(localZone)));

  const samples = await putFiles(stack, join(root, 'samples'), 'samples/');
  const inbox = await putFiles(stack, join(root, 'inbox'), 'inbox/');
  writeLine(io.stdout, `Loaded ${samples} sample file(s) and ${inbox} inbox file(s).`);

  if (values.once) {
    const { retrying } = await stack.runner.idle({ timeoutMs: 120_000 });
    const open = [...(await ops.triage.list('OPEN', 100)), ...(await ops.triage.list('ACKNOWLEDGED', 100))];
    writeLine(io.stdout, `\n${open.length} open alert(s):`);
    for (const alert of open) writeLine(io.stdout, `  [${alert.severity}] ${alert.title} — ${alert.id} (${alert.matchCount} event${alert.matchCount === 1 ? '' : 's'})`);
    if (retrying > 0) writeLine(io.stderr, `${retrying} message(s) failed and are waiting to be retried; see the log lines above.`);
    await stack.stop();
    return retrying > 0 ? 1 : 0;
  }

  const stopWatching = watchInbox(stack, join(root, 'inbox'), io);
  const app = slack.mode === 'slack' && directory ? createSlackApp({ botToken: slack.botToken, appToken: slack.appToken! }, { ops, directory }) : undefined;
  if (app) await app.start();

  return new Promise<number>((resolve) => {
    let prompt: { close(): void } | undefined;
    const shutdown = async (): Promise<void> => {
      prompt?.close();
      stopWatching();
      await app?.stop();
      await stack.stop();
      resolve(0);
    };
    if (!app) prompt = startTerminalPrompt(process.stdin, io.stdout, ops, () => void shutdown());
    writeLine(io.stdout, 'Prowl is running. Drop log files into inbox/; Ctrl-C stops.');
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
  });
}
