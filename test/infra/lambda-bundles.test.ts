import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractZip, packageService } from './packaged-service';
import { zipEntries } from './zip-entries';

/**
 * The zips `sls package` builds are what Lambda runs: each must hold its handler and what it reads
 * at cold start, and load with nothing but what is inside (Lambda has no node_modules beside it).
 */

const FUNCTIONS = ['ingest', 'notify', 'slack', 'jobs', 'scan', 'compact', 'escalate', 'digest'];

let work: string;
let zips: Map<string, Map<string, Buffer>>;

beforeAll(async () => {
  const { dir } = await packageService();
  zips = new Map(FUNCTIONS.map((fn) => [fn, zipEntries(readFileSync(join(dir, `${fn}.zip`)))]));
  work = mkdtempSync(join(tmpdir(), 'prowl-bundles-'));
  for (const [fn, entries] of zips) extractZip(entries, join(work, fn));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Loads the handler module in a fresh Node process, as Lambda's runtime would at cold start. */
async function loadHandler(fn: string): Promise<{ ok: boolean; output: string }> {
  const script = `const m = require('./handlers/${fn}.js'); if (typeof m.handler !== 'function') throw new Error('no handler export'); process.stdout.write('loaded');`;
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: join(work, fn), env: { PATH: process.env.PATH }, timeout: 30_000 });
    return { ok: stdout === 'loaded', output: stdout };
  } catch (error) {
    return {
      ok: false,
      output: String((error as { stderr?: string }).stderr ?? error)
        .split('\n')
        .slice(0, 8)
        .join('\n'),
    };
  }
}

describe('Lambda bundles', () => {
  it('packs each handler with the configuration and Sigma rules it reads at cold start, and no native modules', () => {
    for (const [fn, entries] of zips) {
      const names = [...entries.keys()];
      expect({
        fn,
        handler: names.includes(`handlers/${fn}.js`),
        config: names.includes('prowl.config.yml'),
        sigma: names.some((n) => /^detections\/sigma\/.+\.yml$/.test(n)),
      }).toEqual({ fn, handler: true, config: true, sigma: true });
      expect({ fn, native: names.filter((n) => n.endsWith('.node')) }).toEqual({ fn, native: [] });
    }
  });

  // DuckDB is a native, laptop-only module left out of the zips; handlers must load without it
  // (src/search/search-service.ts requires the DuckDB backend only when it is chosen).
  it('loads every handler from its zip alone, as Lambda does', async () => {
    for (const fn of FUNCTIONS) expect({ fn, ...(await loadHandler(fn)) }).toMatchObject({ fn, ok: true });
  }, 60_000);
});
