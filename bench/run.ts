/**
 * `npm run bench`: every bench/*.bench.ts in turn, each in its own process so one's memory and
 * JIT state do not colour the next. Each prints ratios or percentiles measured within its own
 * run (never absolute targets checked against a clock), because the machines are shared.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, bench)], {
    stdio: 'inherit',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`${bench} failed (exit ${result.status})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
