import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DateTime } from 'luxon';
import { columnarColumn, columnarValue, duckDbColumnType } from '../search/duckdb-dialect';
import type { SearchCatalog } from '../search/search-catalog';
import { quoteIdentifier, quoteString } from '../search/sql-dialect';
import { markerCoversFiles, markerHasColumnar, parseCompactionMarker, type CompactionMarker } from './compaction-marker';
import { compactedMarkerKey, compactedMarkerPrefix, LAKE_PREFIX, parquetKey } from './lake-layout';
import type { LakeStorage, StoredObject } from './lake-storage';

/** A lake table and its columns: the top-level fields of its log type, p_ fields included. */
export interface CompactionTable {
  table: string;
  columns: readonly string[];
  /** Nested fields also written as their own column (SearchableLogType.columnar). */
  columnar?: readonly string[];
}

export interface CompactionOptions {
  storage: LakeStorage;
  tables: readonly CompactionTable[];
  /** The injected clock's now: an hour is closed once it ended settleMinutes before this. */
  now: DateTime;
  settleMinutes: number;
  /** Only hours starting at or after `since` and before `until` (a backfill's window). */
  since?: DateTime;
  until?: DateTime;
  /** DuckDB worker threads; one keeps a laptop responsive while it compacts in the background. */
  threads?: number;
  onHour?: (report: HourReport) => void;
}

export type HourReport =
  | { table: string; hour: DateTime; outcome: 'compacted'; rows: number; jsonBytes: number; parquetBytes: number }
  | { table: string; hour: DateTime; outcome: 'failed'; error: string };

export interface CompactionSummary {
  compacted: number;
  failed: number;
  /** Closed hours already compacted from the JSON they hold now. */
  upToDate: number;
  /** Hours with JSON that are not closed yet. */
  open: number;
}

const JSON_SUFFIX = '.json.gz';
const HOUR_IN_KEY = /\/year=(\d{4})\/month=(\d{2})\/day=(\d{2})\/hour=(\d{2})\//;

/**
 * Rewrites each closed hour of each table as one Parquet file (zstd, sorted by p_event_time), then
 * writes the hour's marker: until the marker exists the JSON stays what searches read, so a crash
 * halfway changes nothing. An hour is compacted again when it holds a JSON file its marker does not
 * name (a late object): the same name is overwritten, never a second file. The JSON
 * itself is kept; expiring it is the lake bucket's lifecycle rule in AWS.
 */
export async function compactClosedHours(options: CompactionOptions): Promise<CompactionSummary> {
  const summary: CompactionSummary = { compacted: 0, failed: 0, upToDate: 0, open: 0 };
  const work: Array<{ table: CompactionTable; hour: DateTime; json: StoredObject[] }> = [];
  for (const table of options.tables) {
    const json = byHour((await options.storage.list(`${LAKE_PREFIX}${table.table}/`)).filter((object) => object.key.endsWith(JSON_SUFFIX)));
    if (json.size === 0) continue;
    const markers = new Set((await options.storage.list(compactedMarkerPrefix(table.table))).map((object) => object.key));
    for (const [start, files] of json) {
      const hour = DateTime.fromMillis(start, { zone: 'utc' });
      if ((options.since && hour < options.since) || (options.until && hour >= options.until)) continue;
      if (hour.plus({ hours: 1, minutes: options.settleMinutes }) > options.now) {
        summary.open += 1;
        continue;
      }
      // Up to date when the marker names every JSON file the hour holds now and its Parquet has
      // every columnar field's column (the rules searches follow too). File names come from the source object and its version, so a new or changed
      // object is a new name; timestamps are not used, as the emulator rewrites them at each start.
      const markerKey = compactedMarkerKey(table.table, hour);
      const marker = markers.has(markerKey) ? parseCompactionMarker((await options.storage.readText(markerKey)) ?? '') : undefined;
      if (marker && markerCoversFiles(marker, files.map(fileName)) && markerHasColumnar(marker, table.columnar ?? [])) {
        summary.upToDate += 1;
        continue;
      }
      work.push({ table, hour, json: files });
    }
  }
  if (work.length === 0) return summary;

  const db = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 1),
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await db.connect();
  const scratch = await mkdtemp(join(tmpdir(), 'prowl-parquet-'));
  try {
    for (const { table, hour, json } of work) {
      try {
        const { rows, parquetBytes } = await compactHour(connection, options.storage, table, hour, json, scratch);
        summary.compacted += 1;
        options.onHour?.({
          table: table.table,
          hour,
          outcome: 'compacted',
          rows,
          jsonBytes: json.reduce((sum, file) => sum + file.size, 0),
          parquetBytes,
        });
      } catch (error) {
        // One bad hour (an unreadable file) must not hold back the others; it is tried again next pass.
        summary.failed += 1;
        options.onHour?.({ table: table.table, hour, outcome: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    connection.closeSync();
    db.closeSync();
    await rm(scratch, { recursive: true, force: true });
  }
  return summary;
}

async function compactHour(
  connection: DuckDBConnection,
  storage: LakeStorage,
  table: CompactionTable,
  hour: DateTime,
  json: readonly StoredObject[],
  scratch: string,
): Promise<{ rows: number; parquetBytes: number }> {
  const sources = [...json].sort((a, b) => a.key.localeCompare(b.key));
  const copy = await storage.localCopy(sources.map((file) => file.key));
  const output = join(scratch, 'hour.parquet');
  try {
    const result = await connection.run(
      compactSql(
        table,
        sources.map((file) => join(copy.dir, ...file.key.split('/'))),
        output,
      ),
    );
    const rows = Number(result.rowsChanged);
    const key = parquetKey(table.table, hour);
    await storage.putFile(key, output);
    const marker: CompactionMarker = {
      table: table.table,
      hour: hour.toUTC().toISO()!,
      parquetKey: key,
      rows,
      sources: sources.map(fileName),
      columnar: [...(table.columnar ?? [])],
    };
    // Last: only now is the hour compacted for readers.
    await storage.putText(compactedMarkerKey(table.table, hour), `${JSON.stringify(marker)}\n`);
    return { rows, parquetBytes: (await stat(output)).size };
  } finally {
    await copy.release();
    await rm(output, { force: true });
  }
}

/**
 * The hour's JSON files read with the same column types searches use (duckDbColumnType), written
 * as one zstd Parquet file in event-time order, each columnar field beside its object as columns
 * of its own (its JSON and its text). p_row_id breaks ties, so the same input always gives the same rows in the same
 * order, and so the same file.
 */
export function compactSql(table: CompactionTable, files: readonly string[], output: string): string {
  const columns = table.columns.map((name) => `${quoteString(name)}: '${duckDbColumnType(name)}'`).join(', ');
  const columnar = (table.columnar ?? [])
    .flatMap((path) => (['json', 'text'] as const).map((form) => `, ${columnarValue(path, form)} AS ${quoteIdentifier(columnarColumn(path, form))}`))
    .join('');
  return [
    'COPY (',
    `  SELECT *${columnar} FROM read_json([${files.map(quoteString).join(', ')}], format = 'newline_delimited', records = true, hive_partitioning = false, columns = {${columns}})`,
    `  ORDER BY ${quoteIdentifier('p_event_time')}, ${quoteIdentifier('p_row_id')}`,
    `) TO ${quoteString(output)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}

function fileName(object: StoredObject): string {
  return object.key.slice(object.key.lastIndexOf('/') + 1);
}

/** Objects grouped by the hour in their key (its start, epoch ms); keys outside the layout are left out. */
function byHour(objects: readonly StoredObject[]): Map<number, StoredObject[]> {
  const hours = new Map<number, StoredObject[]>();
  for (const object of objects) {
    const match = HOUR_IN_KEY.exec(object.key);
    if (!match) continue;
    const hour = DateTime.utc(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]));
    if (!hour.isValid) continue;
    const group = hours.get(hour.toMillis());
    if (group) group.push(object);
    else hours.set(hour.toMillis(), [object]);
  }
  return hours;
}

/** Every searchable table with its columns: the log type's top-level fields and the p_ fields. */
export function compactionTables(catalog: SearchCatalog): CompactionTable[] {
  return catalog.logTypes.map((logType) => ({ table: logType.table, columns: [...logType.fields.keys()], columnar: logType.columnar }));
}
