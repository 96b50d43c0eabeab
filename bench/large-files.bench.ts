/**
 * Large files, as users run them: a gzip CloudTrail file of 1 GiB (uncompressed) through
 * `prowl parse`, `prowl replay` and `npm start -- --once` (the file in the inbox), each the real
 * `bin/prowl.js` in a child process. Reports each run's time and peak RSS — for `npm start`, of
 * the Prowl process and of its emulator process apart.
 *
 *   npx tsx bench/large-files.bench.ts [--size-mib N] [--check]
 *
 * --size-mib N  uncompressed size of the generated file (default 1024)
 * --check       exit 1 when a target is missed
 *
 * Peak RSS is the kernel's high-water mark (VmHWM in /proc/<pid>/status), read until the process
 * exits, so it is each process's own peak whatever the sampling interval.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeCloudTrailFile } from './synthetic-logs';

const ROOT = join(__dirname, '..');
const MIB = 1024 * 1024;
const TARGETS = { parse: 300 * MIB, replay: 300 * MIB, dev: 400 * MIB };

function highWaterMark(pid: number): number | undefined {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Number(hwm[1]) * 1024 : undefined;
  } catch {
    return undefined; // gone, or not Linux
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

interface Run {
  name: string;
  code: number | null;
  seconds: number;
  peakBytes: number;
  /** Peak of the child processes it started (the emulators for `prowl dev`). */
  childPeakBytes: number;
  stdout: string;
  stderr: string;
}

/** Runs `prowl <args>` and samples its and its children's high-water marks until it exits. */
async function runProwl(name: string, args: string[], cwd: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'prowl.js'), ...args], {
    cwd,
    env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')).length > 1_000_000 && (stdout = stdout.slice(-500_000)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const peaks = new Map<number, number>();
  const sample = (): void => {
    for (const pid of [child.pid!, ...childrenOf(child.pid!)]) {
      const hwm = highWaterMark(pid);
      if (hwm !== undefined) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
    }
  };
  const timer = setInterval(sample, 200);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  const own = peaks.get(child.pid!) ?? 0;
  const children = [...peaks.entries()].filter(([pid]) => pid !== child.pid).reduce((max, [, bytes]) => Math.max(max, bytes), 0);
  return { name, code, seconds: (performance.now() - started) / 1000, peakBytes: own, childPeakBytes: children, stdout, stderr };
}

const mib = (bytes: number): string => `${(bytes / MIB).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const sizeArg = process.argv.indexOf('--size-mib');
  const size = (sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 1024) * MIB;
  console.log(`Prowl large-file benchmark — node ${process.version}, ${availableParallelism()} CPU(s), load average ${loadavg()[0]!.toFixed(1)}\n`);

  const dir = mkdtempSync(join(tmpdir(), 'prowl-large-'));
  try {
    const file = join(dir, 'cloudtrail-large.json.gz');
    const { uncompressed, records, rootLogins } = await writeLargeCloudTrailFile(file, size, 50_000);
    console.log(
      `generated ${mib(uncompressed)} of CloudTrail (${records.toLocaleString('en-US')} records, ${rootLogins} of them root console logins), ${mib(statSync(file).size)} gzip\n`,
    );

    // npm start works in a workspace of its own: the config and an inbox holding the file.
    const workspace = join(dir, 'workspace');
    mkdirSync(join(workspace, 'inbox'), { recursive: true });
    mkdirSync(join(workspace, 'samples'));
    cpSync(join(ROOT, 'prowl.config.yml'), join(workspace, 'prowl.config.yml'));
    cpSync(file, join(workspace, 'inbox', 'cloudtrail-large.json.gz'));
    const devArgs = [
      'dev',
      '--once',
      '--data',
      join(workspace, 'data'),
      '--inbox',
      join(workspace, 'inbox'),
      '--samples',
      join(workspace, 'samples'),
      '--config',
      join(workspace, 'prowl.config.yml'),
    ];

    const runs = [
      await runProwl('prowl parse', ['parse', file], ROOT),
      await runProwl('prowl replay', ['replay', file], ROOT),
      await runProwl('npm start -- --once', devArgs, ROOT),
    ];
    const target = (run: Run, bytes: number): string => `< ${mib(bytes)} ${run.peakBytes < bytes ? 'met' : 'MISSED'}`;
    const rows = [
      ['command', 'exit', 'time', 'events/s', 'peak RSS', 'emulators peak RSS', 'target (Prowl)'],
      ...runs.map((run, i) => [
        run.name,
        String(run.code),
        `${run.seconds.toFixed(1)} s`,
        Math.round(records / run.seconds).toLocaleString('en-US'),
        mib(run.peakBytes),
        i === 2 ? mib(run.childPeakBytes) : '-',
        target(run, Object.values(TARGETS)[i]!),
      ]),
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    rows.forEach((row, i) => {
      console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
      if (i === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    });
    const dev = runs[2]!;
    const alerts = /(\d+) open alert\(s\):/.exec(dev.stdout);
    const logins = (dev.stdout.match(/\[HIGH\] Root console login/g) ?? []).length;
    console.log(`\nnpm start -- --once printed ${alerts ? alerts[1] : 'no'} open alert(s), ${logins} of the ${rootLogins} root console logins`);
    for (const run of runs) if (run.code !== 0) console.log(`\n${run.name} exited ${run.code}:\n${run.stderr.slice(-2000)}`);
    const ok = runs.every((run, i) => run.code === 0 && run.peakBytes < Object.values(TARGETS)[i]!) && logins === rootLogins;
    if (process.argv.includes('--check') && !ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
