import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { packageService } from './packaged-service';
import { zipEntries } from './zip-entries';

/**
 * The zips `sls package` builds are what Lambda runs: each must hold its handler and what it reads
 * at cold start, and load with nothing but what is inside (Lambda has no node_modules beside it).
 */

const FUNCTIONS = ['ingest', 'notify', 'slack', 'jobs', 'scan'];

let work: string;
let zips: Map<string, Map<string, Buffer>>;

beforeAll(async () => {
  const { dir } = await packageService();
  zips = new Map(FUNCTIONS.map((fn) => [fn, zipEntries(readFileSync(join(dir, `${fn}.zip`)))]));
  work = mkdtempSync(join(tmpdir(), 'prowl-bundles-'));
  for (const [fn, entries] of zips) {
    for (const [name, data] of entries) {
      mkdirSync(dirname(join(work, fn, name)), { recursive: true });
      writeFileSync(join(work, fn, name), data);
    }
  }
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Loads the handler module in a fresh Node process, as Lambda's runtime would at cold start. */
async function loadHandler(fn: string, env: NodeJS.ProcessEnv = {}): Promise<{ ok: boolean; output: string }> {
  const script = `const m = require('./handlers/${fn}.js'); if (typeof m.handler !== 'function') throw new Error('no handler export'); process.stdout.write('loaded');`;
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: join(work, fn), env: { PATH: process.env.PATH, ...env }, timeout: 30_000 });
    return { ok: stdout === 'loaded', output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error).split('\n').slice(0, 8).join('\n') };
  }
}

/** A stand-in for DuckDB's package: any property read works, nothing runs. */
function duckDbStandIn(): string {
  const modules = join(work, 'stand-in-modules');
  mkdirSync(join(modules, '@duckdb', 'node-api'), { recursive: true });
  writeFileSync(
    join(modules, '@duckdb', 'node-api', 'index.js'),
    'const any = () => new Proxy(function () {}, { get: (_t, key) => (key === Symbol.toPrimitive ? () => 0 : any()) });\nmodule.exports = any();\n',
  );
  return modules;
}

describe('Lambda bundles', () => {
  it('packs each handler with the configuration and Sigma rules it reads at cold start, and no native modules', () => {
    for (const [fn, entries] of zips) {
      const names = [...entries.keys()];
      expect({ fn, handler: names.includes(`handlers/${fn}.js`), config: names.includes('prowl.config.yml'), sigma: names.some((n) => /^detections\/sigma\/.+\.yml$/.test(n)) }).toEqual({ fn, handler: true, config: true, sigma: true });
      expect({ fn, native: names.filter((n) => n.endsWith('.node')) }).toEqual({ fn, native: [] });
    }
  });

  it('loads every handler from its zip alone, once DuckDB is stood in for', async () => {
    const standIn = duckDbStandIn();
    for (const fn of FUNCTIONS) expect({ fn, ...(await loadHandler(fn, { NODE_PATH: standIn })) }).toMatchObject({ fn, ok: true });
  }, 60_000);

  // Known gap: the bundles require @duckdb/node-api at load time (src/search re-exports the DuckDB
  // backend, and handlers reach it through src/services and src/jobs), but DuckDB is a native,
  // laptop-only module that serverless.yml leaves out of the zips, so every function would fail its
  // cold start in Lambda. Fix: import the DuckDB backend lazily (await import(...)) where the local
  // backend is chosen. When that lands this test starts passing and jest reports it: drop `.failing`.
  it.failing('loads every handler from its zip alone, as Lambda does', async () => {
    for (const fn of FUNCTIONS) expect({ fn, ...(await loadHandler(fn)) }).toMatchObject({ fn, ok: true });
  }, 60_000);
});
