import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli';

/** A working copy of what a user keeps beside the code: config, samples, an inbox and a data dir. */
export interface Workspace {
  dir: string;
  config: string;
  samples: string;
  inbox: string;
  data: string;
}

export function makeWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'prowl-e2e-'));
  const workspace = { dir, config: join(dir, 'prowl.config.yml'), samples: join(dir, 'samples'), inbox: join(dir, 'inbox'), data: join(dir, 'data') };
  cpSync(join(ROOT, 'prowl.config.yml'), workspace.config);
  cpSync(join(ROOT, 'samples'), workspace.samples, { recursive: true });
  mkdirSync(workspace.inbox);
  return workspace;
}

export function workspaceArgs(workspace: Workspace): string[] {
  return ['--data', workspace.data, '--inbox', workspace.inbox, '--samples', workspace.samples, '--config', workspace.config];
}

/**
 * `node bin/prowl.js dev` as a child process, driven the way a person drives it: lines typed at
 * its prompt, answers read from its output. Nothing of Prowl is loaded into the test's process.
 */
export class ProwlProcess {
  private output = '';
  private errors = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [join(ROOT, 'bin', 'prowl.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk) => (this.output += chunk));
    this.child.stderr.on('data', (chunk) => (this.errors += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }

  get stdout(): string {
    return this.output;
  }

  get stderr(): string {
    return this.errors;
  }

  /** Waits until what it printed after `from` matches, and returns that part of the output. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const printed = this.output.slice(from);
      if (pattern.test(printed)) return printed;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`prowl never printed ${pattern}; after offset ${from} it printed:\n${this.output.slice(from)}\nstderr:\n${this.errors}`);
  }

  /** Types a line at the prompt and returns what came back once it matches. */
  async type(line: string, answer: RegExp, timeoutMs?: number): Promise<string> {
    const from = this.output.length;
    this.child.stdin.write(`${line}\n`);
    return this.waitFor(answer, from, timeoutMs);
  }

  /** Types `quit`, closes standard input, and returns the exit code. */
  async quit(): Promise<number | null> {
    this.child.stdin.end('quit\n');
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
