import { readdir, stat } from 'node:fs/promises';
import { BlockList, isIPv6 } from 'node:net';
import { join, resolve, sep } from 'node:path';
import {
  BOOLEAN,
  DuckDBInstance,
  DuckDBScalarFunction,
  DuckDBTypeId,
  StatementType,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
  type Json,
} from '@duckdb/node-api';
import { ProwlError, isProwlError } from '../errors';
import type { CompiledQuery } from './compiled-query';
import { IPV6_CIDR_FUNCTION } from './duckdb-dialect';
import { LAKE_FILE_SUFFIX, localCompactedHour, localPartitionExists, localTableHasFiles } from './lake-paths';
import { checkParsedSelect, readParsedSelect, type ParsedSelect } from './parsed-sql-check';
import { validateReadOnlySql } from './read-only-sql';
import { createSearchCatalog, type SearchCatalog } from './search-catalog';
import type { RunOptions, SearchBackend, SearchResult, SearchValue } from './search-backend';
import { quoteIdentifier, quoteString } from './sql-dialect';

export interface DuckDbBackendOptions {
  /** The local lake: the directory holding logs/<table>/year=…. */
  lakeDir: string;
  /** Log types whose tables raw SQL may name; defaults to every registered type. */
  catalog?: SearchCatalog;
  /** Worker threads for DuckDB; its default is one per core. */
  threads?: number;
}

export interface DuckDbBackend extends SearchBackend {
  /** Releases the in-memory database. Runs after close fail. */
  close(): void;
}

/**
 * Runs compiled searches and admin SQL with DuckDB over a local lake directory.
 *
 * The database is in memory and sandboxed before any query runs: file access is limited to the
 * lake's logs/ directory, extensions cannot be installed or loaded, and the configuration is
 * locked so no statement can undo that. Each run gets its own connection, so a timeout interrupts
 * only that run.
 */
const INTERRUPT_REPEAT_MS = 50;

export function createDuckDbBackend(options: DuckDbBackendOptions): DuckDbBackend {
  const lakeDir = resolve(options.lakeDir);
  const catalog = options.catalog ?? createSearchCatalog();
  let instance: Promise<DuckDBInstance> | undefined;
  let closed = false;

  const open = (): Promise<DuckDBInstance> => {
    if (closed) return Promise.reject(new ProwlError('prowl_internal', 'search: the DuckDB backend is closed'));
    instance ??= openSandboxed(lakeDir, options.threads);
    return instance;
  };

  return {
    target: {
      dialect: 'duckdb',
      lakeDir,
      partitionExists: localPartitionExists(lakeDir),
      compactedHour: localCompactedHour(lakeDir, (table) => catalog.find(table)?.columnar ?? []),
    },
    async run(compiled, runOptions) {
      if (compiled.dialect !== 'duckdb') throw new ProwlError('prowl_internal', `search: a query compiled for ${compiled.dialect} cannot run on DuckDB`);
      const started = performance.now();
      if (compiled.empty) return { columns: compiled.columns ?? [], rows: [], rowCount: 0, truncated: false, bytesScanned: 0, elapsedMs: 0 };
      const connection = await (await open()).connect();
      // An interrupt only stops what is executing at that moment: one that lands while the statement is
      // still being prepared would be lost. So once the time is up, the connection is interrupted again
      // and again until the run ends, and nothing new starts on it.
      let timedOut = false;
      let repeat: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        connection.interrupt();
        repeat = setInterval(() => connection.interrupt(), INTERRUPT_REPEAT_MS);
      }, runOptions.timeoutMs);
      const inTime = (): void => {
        if (timedOut) throw new ProwlError('prowl_internal', 'interrupted');
      };
      let prepared: DuckDBPreparedStatement | undefined;
      let viewed: string[] = [];
      try {
        registerIpv6Cidr(connection);
        // Whatever produced it, only a SELECT runs: COPY … TO, ATTACH, EXPORT and the like never do, so
        // nothing can write under the lake directory the sandbox lets DuckDB read. This is decided on
        // DuckDB's parse before preparing, since preparing some statements (EXPORT) already writes.
        const parsed = await parseSelectOnly(connection, compiled);
        if (compiled.kind === 'sql') ({ prepared, viewed } = await prepareAdminSql(connection, compiled, parsed, lakeDir, catalog));
        else prepared = await connection.prepare(compiled.sql);
        if (prepared.statementType !== StatementType.SELECT) throw notSelect(compiled);
        if (compiled.kind === 'search') prepared.bind(compiled.params);
        inTime();
        const reader = await prepared.streamAndReadUntil(runOptions.maxRows + 1);
        inTime();
        // Admin SQL reads the whole JSON of every table it names (see prepareAdminSql).
        const bytesScanned = compiled.reads
          ? await bytesRead(connection, compiled.reads)
          : await bytesRead(connection, { jsonDirectories: await lakeDirectories(lakeDir, viewed), parquetFiles: [], columns: [] });
        return toResult(reader, compiled, runOptions, performance.now() - started, bytesScanned);
      } catch (error) {
        throw describeFailure(error, compiled, timedOut, runOptions);
      } finally {
        clearTimeout(timer);
        clearInterval(repeat);
        prepared?.destroySync();
        connection.closeSync();
      }
    },
    close() {
      closed = true;
      void instance?.then((db) => db.closeSync());
    },
  };
}

async function openSandboxed(lakeDir: string, threads: number | undefined): Promise<DuckDBInstance> {
  const settings: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' };
  if (threads !== undefined) settings.threads = String(threads);
  const db = await DuckDBInstance.create(':memory:', settings);
  const setup = await db.connect();
  try {
    // The JSON layout and the compacted one (parquet/), nothing else of the machine.
    await setup.run(`SET allowed_directories = [${quoteString(join(lakeDir, 'logs') + sep)}, ${quoteString(join(lakeDir, 'parquet') + sep)}]`);
    await setup.run('SET enable_external_access = false');
    await setup.run('SET lock_configuration = true');
  } finally {
    setup.closeSync();
  }
  return db;
}

/**
 * Admin SQL gets DuckDB's own verdict on top of the text check: one statement, a SELECT once
 * parsed, and in its parse tree only log tables (or its own CTEs) and no function that reads files,
 * settings or other databases. Lake tables it names become views over that table's files, so `FROM aws_cloudtrail`
 * works as it does in Athena.
 */
function notSelect(compiled: CompiledQuery): ProwlError {
  return new ProwlError(
    compiled.kind === 'sql' ? 'prowl_bad_input' : 'prowl_internal',
    `${compiled.kind === 'sql' ? 'sql' : 'search'}: only SELECT statements are run`,
  );
}

/** One statement, and a SELECT in DuckDB's own parse (json_serialize_sql serializes nothing else). */
async function parseSelectOnly(connection: DuckDBConnection, compiled: CompiledQuery): Promise<ParsedSelect> {
  const statements = await connection.extractStatements(compiled.sql);
  if (statements.count !== 1)
    throw new ProwlError(
      compiled.kind === 'sql' ? 'prowl_bad_input' : 'prowl_internal',
      `${compiled.kind}: only one statement is allowed, DuckDB read ${statements.count}`,
    );
  const serialized = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [compiled.sql]);
  try {
    return readParsedSelect(String(serialized.getRowsJson()[0]?.[0] ?? '{"error":true}'));
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_input')) throw notSelect(compiled);
    throw error;
  }
}

async function prepareAdminSql(
  connection: DuckDBConnection,
  compiled: CompiledQuery,
  parsed: ParsedSelect,
  lakeDir: string,
  catalog: SearchCatalog,
): Promise<{ prepared: DuckDBPreparedStatement; viewed: string[] }> {
  const sql = validateReadOnlySql(compiled.sql);
  // The verdict that counts is on DuckDB's own parse: every table and function as DuckDB reads them.
  checkParsedSelect(parsed, new Set(catalog.logTypes.map((logType) => logType.table)));
  const named = new Set(parsed.tables.map((table) => table.toLowerCase()));
  const viewed: string[] = [];
  for (const logType of catalog.logTypes) {
    if (!named.has(logType.table) || !localTableHasFiles(lakeDir, logType.table)) continue;
    viewed.push(logType.table);
    const files = quoteString(`${join(lakeDir, 'logs', logType.table)}/*/*/*/*/*${LAKE_FILE_SUFFIX}`);
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(logType.table)} AS SELECT * FROM read_json_auto(${files}, hive_partitioning = true, union_by_name = true, hive_types = {'year': INTEGER, 'month': INTEGER, 'day': INTEGER, 'hour': INTEGER})`,
    );
  }
  return { prepared: await connection.prepare(sql), viewed };
}

/**
 * What the search had to read once partitions were pruned: every byte of every JSON file in the
 * partitions it read (gzip NDJSON has no columns, so a row is read whole to find any field), and of
 * each Parquet file only the compressed chunks of the columns it uses, taken from the file's own
 * footer: DuckDB reads Parquet column chunk by column chunk, and that is also the unit Athena bills
 * for. Measured from the files rather than from DuckDB's profiler, whose counters differ between
 * readers and versions, so JSON and Parquet are counted the same way and compare fairly.
 */
async function bytesRead(connection: DuckDBConnection, reads: NonNullable<CompiledQuery['reads']>): Promise<number> {
  let bytes = 0;
  for (const directory of reads.jsonDirectories) {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(LAKE_FILE_SUFFIX)) bytes += (await stat(join(directory, entry.name))).size;
    }
  }
  if (reads.parquetFiles.length > 0) {
    const files = reads.parquetFiles.map(quoteString).join(', ');
    const columns = reads.columns.map(quoteString).join(', ');
    // Nested columns (the p_any_* lists) are named "p_any_ip_addresses, list, element" in the footer.
    const chunks = await connection.runAndReadAll(
      `SELECT coalesce(sum(total_compressed_size), 0)::BIGINT FROM parquet_metadata([${files}]) WHERE split_part(path_in_schema, ', ', 1) IN (${columns})`,
    );
    bytes += Number(chunks.getRowsJson()[0]?.[0] ?? 0);
  }
  return bytes;
}

/** Every partition directory of the given tables. */
async function lakeDirectories(lakeDir: string, tables: readonly string[]): Promise<string[]> {
  const directories: string[] = [];
  for (const table of tables) {
    const root = join(lakeDir, 'logs', table);
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory() && entry.name.startsWith('hour=')) directories.push(join(entry.parentPath, entry.name));
    }
  }
  return directories;
}

function toResult(reader: DuckDBResultReader, compiled: CompiledQuery, options: RunOptions, elapsedMs: number, bytesScanned: number): SearchResult {
  const types = reader.columnTypes();
  const rows = reader
    .getRowsJson()
    .slice(0, options.maxRows)
    .map((row) => row.map((value, index) => toValue(value, types[index]!.typeId, types[index]!.alias)));
  const engineColumns = reader.columnNames();
  // The search's own names (engines may rewrite them) when they line up with what came back.
  const columns = compiled.columns && compiled.columns.length === engineColumns.length ? compiled.columns : engineColumns;
  return {
    columns,
    rows,
    rowCount: rows.length,
    truncated: reader.currentRowCount > options.maxRows,
    bytesScanned,
    elapsedMs: Math.round(elapsedMs),
  };
}

const WIDE_INTEGERS = new Set<DuckDBTypeId>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

/** JSON columns (event fields) are parsed back into values; counts become numbers when exact. */
function toValue(value: Json, typeId: DuckDBTypeId, alias: string | undefined): SearchValue {
  if (value === null) return null;
  if (alias === 'JSON' && typeof value === 'string') return JSON.parse(value) as SearchValue;
  if (WIDE_INTEGERS.has(typeId) && typeof value === 'string' && Number.isSafeInteger(Number(value))) return Number(value);
  return value as SearchValue;
}

function describeFailure(error: unknown, compiled: CompiledQuery, timedOut: boolean, options: RunOptions): ProwlError {
  if (timedOut) {
    return new ProwlError('prowl_internal', `search: stopped after ${formatSeconds(options.timeoutMs)}; narrow the time range or add filters`, {
      cause: error,
    });
  }
  if (isProwlError(error)) return error;
  const message = (error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)).replace(/^Error: /, '');
  // An admin's SQL failing is their input; a compiled search failing is ours (or a bad lake file).
  return compiled.kind === 'sql'
    ? new ProwlError('prowl_bad_input', `sql: DuckDB rejected the statement: ${message}`, { cause: error })
    : new ProwlError('prowl_internal', `search: DuckDB failed: ${message}`, { cause: error });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * IPv6 CIDR matching for the DuckDB dialect (IPv4 is plain SQL and much faster); DuckDB has no
 * inet extension here. Parsed blocks are cached per run since a query uses the same few.
 */
function registerIpv6Cidr(connection: DuckDBConnection): void {
  const blocks = new Map<string, BlockList | undefined>();
  const blockFor = (cidr: string): BlockList | undefined => {
    if (!blocks.has(cidr)) {
      const [network, prefix] = cidr.split('/');
      let list: BlockList | undefined;
      if (network && prefix && isIPv6(network)) {
        list = new BlockList();
        list.addSubnet(network, Number(prefix), 'ipv6');
      }
      blocks.set(cidr, list);
    }
    return blocks.get(cidr);
  };
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: IPV6_CIDR_FUNCTION,
      returnType: BOOLEAN,
      parameterTypes: [VARCHAR, VARCHAR],
      mainFunction: (_info, input, output) => {
        const addresses = input.getColumnVector(0);
        const cidrs = input.getColumnVector(1);
        for (let row = 0; row < input.rowCount; row += 1) {
          const address = addresses.getItem(row);
          const cidr = cidrs.getItem(row);
          const block = typeof cidr === 'string' ? blockFor(cidr) : undefined;
          output.setItem(row, typeof address === 'string' && block !== undefined && isIPv6(address) ? block.check(address, 'ipv6') : false);
        }
        output.flush();
      },
    }),
  );
}
