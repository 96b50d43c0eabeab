import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { logTypesFromConfig } from '../app/services';
import { readConfigFile } from '../config';
import { ProwlError } from '../errors';
import { compactClosedHours, compactionTables, type HourReport } from '../lake/compaction';
import { directoryLakeStorage } from '../lake/lake-storage';
import { allLogTypes } from '../logs/registry';
import { formatBytes } from '../search/result-summary';
import { createSearchCatalog } from '../search/search-catalog';
import { writeLine, type CommandIO } from './io';

export const COMPACT_USAGE = 'prowl compact [--since <date|duration>] [--until <date|duration>] [--table <table|log type>]… [--config <file>]';

const ACCEPTED_TIMES = 'an ISO date (2026-11-22, 2026-11-22T10:00Z; UTC unless an offset is given) or a duration back from now (90m, 36h, 7d)';

/**
 * `prowl compact`: rewrites the closed hours of the local lake (the one `npm start` fills) as
 * Parquet, as `npm start` does in the background, for a backfill or a lake filled while it was
 * off. Closed means ended `lake.compaction.settleMinutes` ago (prowl.config.yml). Exit 1 when an
 * hour failed (the others are still done), 2 on bad usage.
 */
export async function compactCommand(argv: string[], io: CommandIO, options: { lakeDir: string; configPath: string }): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      table: { type: 'string', multiple: true },
      config: { type: 'string', default: options.configPath },
    },
  });
  // The CLI is an edge: its clock is luxon's (Settings.now, which tests freeze).
  const now = DateTime.utc();
  const since = values.since === undefined ? undefined : parseTime('--since', values.since, now);
  const until = values.until === undefined ? undefined : parseTime('--until', values.until, now);
  if (since && until && until <= since) throw new ProwlError('prowl_bad_command', '--until must be after --since');

  const config = existsSync(values.config) ? readConfigFile(values.config) : undefined;
  const catalog = createSearchCatalog(config ? logTypesFromConfig(config, values.config).all() : allLogTypes());
  const tables = compactionTables(catalog).filter((table) => {
    if (!values.table) return true;
    return values.table.some((wanted) => catalog.find(wanted)?.table === table.table);
  });
  for (const wanted of values.table ?? []) {
    if (!catalog.find(wanted)) {
      throw new ProwlError('prowl_bad_command', `unknown table or log type "${wanted}"; known: ${catalog.logTypes.map((logType) => logType.table).join(', ')}`);
    }
  }

  const summary = await compactClosedHours({
    storage: directoryLakeStorage(options.lakeDir),
    tables,
    now,
    settleMinutes: config?.lake.compaction.settleMinutes ?? 60,
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    threads: 2,
    onHour: (report) => writeLine(report.outcome === 'failed' ? io.stderr : io.stdout, describeHour(report)),
  });
  writeLine(
    io.stderr,
    `${summary.compacted} hour(s) compacted, ${summary.upToDate} already compacted, ${summary.open} not closed yet${summary.failed > 0 ? `, ${summary.failed} failed` : ''}`,
  );
  return summary.failed > 0 ? 1 : 0;
}

/** `aws_cloudtrail 2026-11-22T09:00Z: 120 rows, 40.2 KB JSON → 12.3 KB Parquet`. */
export function describeHour(report: HourReport): string {
  const hour = `${report.table} ${report.hour.toUTC().toFormat("yyyy-LL-dd'T'HH:mm'Z'")}`;
  if (report.outcome === 'failed') return `${hour}: not compacted: ${report.error}`;
  return `${hour}: ${report.rows} rows, ${formatBytes(report.jsonBytes)} JSON → ${formatBytes(report.parquetBytes)} Parquet`;
}

function parseTime(option: string, text: string, now: DateTime): DateTime {
  const duration = /^(\d+)(m|h|d)$/.exec(text);
  if (duration) {
    const unit = { m: 'minutes', h: 'hours', d: 'days' }[duration[2] as 'm' | 'h' | 'd'];
    return now.minus({ [unit]: Number(duration[1]) });
  }
  const parsed = /^\d{4}-\d{2}-\d{2}/.test(text) ? DateTime.fromISO(text, { zone: 'utc' }) : DateTime.invalid('not ISO');
  if (!parsed.isValid) throw new ProwlError('prowl_bad_command', `${option} "${text}" is not a time; accepted: ${ACCEPTED_TIMES}`);
  return parsed.toUTC();
}
