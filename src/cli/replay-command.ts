import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { createEngine } from '../detect/engine';
import { rules as pack } from '../../detections';
import type { RuleSet } from '../detect/rule-set';
import { ReplayAlerts, type ReplayAlert, type RuleCount } from '../detect/replay';
import { ProwlError } from '../errors';
import { parseObject } from '../logs/parse';
import { decompressed } from '../logs/read-object';
import { resolveSource } from '../logs/sources';
import { detectionSettingsForCli } from './detection-settings-file';
import { listFiles } from './files';
import { writeLine, type CommandIO } from './io';
import { Progress } from './progress';
import { reportSkipped } from './sigma-problems';

const QUARANTINE_LINES_SHOWN = 20;

export const REPLAY_USAGE = 'prowl replay <file|dir> [--rules <sigma-dir>]… [--strict] [--config <prowl.config.yml>] [--format text|json]';

function formatText(alert: ReplayAlert): string {
  const by = alert.author ? ` — by ${alert.author}${alert.license ? `, ${alert.license}` : ''}` : '';
  return `[${alert.severity}] ${alert.ruleId} — ${alert.title} (${alert.count} event${alert.count === 1 ? '' : 's'}, ${alert.firstSeen} → ${alert.lastSeen})${by}`;
}

/** Loads the pack plus Sigma folders given with --rules: each folder rule by rule, unless strict. */
export type LoadReplayRules = (extraSigmaDirs: string[], strict: boolean) => RuleSet;

/**
 * The per-rule table printed after the alerts: alerts, matched events and their share of all
 * events, noisiest first. A rule matching a visible share of ordinary history would page all day.
 */
export function formatRuleCounts(counts: readonly RuleCount[], events: number): string[] {
  if (counts.length === 0) return [`No rule matched any of ${events} event(s).`];
  const header = `Alerts per rule over ${events} event(s):`;
  const rows = counts.map(
    (count) => `${String(count.alerts).padStart(7)} ${String(count.matches).padStart(8)} ${`${(count.share * 100).toFixed(1)}%`.padStart(7)}  ${count.ruleId}`,
  );
  return [header, `${'alerts'.padStart(7)} ${'matches'.padStart(8)} ${'share'.padStart(7)}  rule`, ...rows];
}

/**
 * Runs log files through parsing and every detection, without the stack, and prints the alerts
 * that would fire: the way to try a rule on history before it goes live.
 */
export async function replayCommand(
  argv: string[],
  io: CommandIO,
  loadRules: LoadReplayRules = () => ({ rules: [...pack], skipped: [], warnings: [], sources: [] }),
  defaultConfigPath = 'prowl.config.yml',
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      rules: { type: 'string', multiple: true, default: [] },
      strict: { type: 'boolean', default: false },
      config: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new ProwlError('prowl_bad_command', `give one file or directory.\nUsage: ${REPLAY_USAGE}`);
  if (values.format !== 'text' && values.format !== 'json') throw new ProwlError('prowl_bad_command', `--format must be text or json, not "${values.format}"`);

  const files = await listFiles(positionals[0]!);
  const ruleSet = loadRules(values.rules ?? [], values.strict === true);
  reportSkipped(io.stderr, ruleSet.skipped, ruleSet.warnings);
  for (const source of ruleSet.sources.filter(({ dir }) => (values.rules ?? []).includes(dir))) {
    writeLine(io.stderr, `Sigma rules from ${source.dir}: ${source.loaded} loaded, ${source.skipped} skipped`);
  }
  const settings = detectionSettingsForCli(values.config, defaultConfigPath, ruleSet.rules, io);
  const engine = createEngine(ruleSet.rules, { timeBudgetMs: 1000, settings });
  const alerts = new ReplayAlerts();
  const progress = new Progress(
    io.stderr,
    files.reduce((sum, file) => sum + file.size, 0),
    'replay',
  );
  const parseTime = DateTime.utc().toISO();
  let events = 0;
  let quarantined = 0;

  for (const file of files) {
    const source = resolveSource([{ label: 'replay', prefix: '', logTypes: [] }], 'replay', 'replay', file.relative)!;
    const stream = createReadStream(file.path);
    stream.on('data', (chunk) => progress.advance(chunk.length));
    for await (const record of parseObject(decompressed(stream), {
      logTypes: source.logTypes,
      origin: { sourceId: 'replay', sourceLabel: 'replay', objectId: file.path },
      parseTime,
    })) {
      if (record.kind === 'quarantined') {
        quarantined += 1;
        if (quarantined <= QUARANTINE_LINES_SHOWN) writeLine(io.stderr, `quarantined ${file.relative}:${record.position}: ${record.reason}`);
        continue;
      }
      events += 1;
      if (!record.logType.detect) continue;
      const { matches, failures } = engine.evaluate(record.event);
      matches.forEach((match) => alerts.add(match));
      failures.forEach((failure) => alerts.addFailure(failure));
    }
  }
  progress.finish();
  if (quarantined > QUARANTINE_LINES_SHOWN) writeLine(io.stderr, `… and ${quarantined - QUARANTINE_LINES_SHOWN} more quarantined record(s)`);

  const fired = alerts.alerts();
  for (const alert of fired) writeLine(io.stdout, values.format === 'json' ? JSON.stringify(alert) : formatText(alert));
  // stderr, so JSON on stdout stays one alert per line.
  for (const line of formatRuleCounts(alerts.ruleCounts(fired, events), events)) writeLine(io.stderr, line);
  const sigmaLoaded = ruleSet.rules.filter((rule) => rule.origin === 'sigma').length;
  writeLine(
    io.stderr,
    `${ruleSet.rules.length} rule(s) (${sigmaLoaded} Sigma); ${files.length} file(s), ${events} event(s), ${quarantined} quarantined, ${fired.length} alert(s)`,
  );
  return 0;
}
