import {
  GetWorkGroupCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  InvalidRequestException,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type ColumnInfo,
  type QueryExecution,
  type Row,
} from '@aws-sdk/client-athena';
import { ProwlError } from '../errors';
import type { CompiledQuery } from './compiled-query';
import type { SqlParam } from './search-plan';
import type { SearchBackend, SearchResult, SearchValue } from './search-backend';

export interface AthenaBackendOptions {
  athena: AthenaClient;
  /** The workgroup carries the bytes-scanned cap and the result location. */
  workGroup: string;
  /** Glue database holding one table per log type. */
  database: string;
  catalog?: string;
  /** First wait between status polls; doubles up to maxPollMs. */
  firstPollMs?: number;
  maxPollMs?: number;
  /** Time and waiting, injectable so tests never wait. */
  clock?: { now(): number; sleep(ms: number): Promise<void> };
}

const PAGE_SIZE = 1000;
/** Athena's "user error" category: the query itself is wrong, not the service. */
const USER_ERROR_CATEGORY = 2;
const BYTES_LIMIT = /bytes scanned limit/i;

/** Elapsed time and poll deadlines are durations: the monotonic clock, which no calendar change moves. */
const realClock = { now: (): number => performance.now(), sleep: (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms)) };

/**
 * Runs compiled SQL on Athena: StartQueryExecution with the values as ExecutionParameters, poll
 * GetQueryExecution with backoff until a final state or the time limit (then StopQueryExecution),
 * and read GetQueryResults page by page up to maxRows.
 */
export function createAthenaBackend(options: AthenaBackendOptions): SearchBackend {
  const clock = options.clock ?? realClock;
  const firstPollMs = options.firstPollMs ?? 250;
  const maxPollMs = options.maxPollMs ?? 2000;

  return {
    target: { dialect: 'athena', database: options.database },
    async run(compiled, runOptions) {
      if (compiled.dialect !== 'athena') throw new ProwlError('prowl_internal', `search: a query compiled for ${compiled.dialect} cannot run on Athena`);
      const started = clock.now();
      const id = await start(options, compiled);
      const execution = await waitForCompletion(options, id, {
        clock,
        firstPollMs,
        maxPollMs,
        deadline: started + runOptions.timeoutMs,
        timeoutMs: runOptions.timeoutMs,
      });
      const result = await readResults(options.athena, id, runOptions.maxRows);
      const columns = compiled.columns && compiled.columns.length === result.columns.length ? compiled.columns : result.columns;
      // Athena leaves the statistic out for queries that read nothing (an empty partition range).
      return { ...result, columns, bytesScanned: execution.Statistics?.DataScannedInBytes ?? 0, elapsedMs: clock.now() - started };
    },
  };
}

/**
 * The workgroup's bytes-scanned cap (infra/athena.yml, `athenaBytesScannedCutoff`), read from the
 * workgroup itself so the check before a search and Athena's own limit are one number. Undefined
 * when the workgroup has no cap.
 */
export async function workGroupScanCap(athena: AthenaClient, workGroup: string): Promise<number | undefined> {
  const output = await athena.send(new GetWorkGroupCommand({ WorkGroup: workGroup }));
  return output.WorkGroup?.Configuration?.BytesScannedCutoffPerQuery;
}

/**
 * Runs one statement that returns no rows to read (UNLOAD, for compaction) in the workgroup and
 * waits for it: the execution comes back with its statistics; a failed, cancelled or overdue
 * statement throws, as a search would.
 */
export async function runAthenaStatement(options: AthenaBackendOptions, sql: string, timeoutMs: number): Promise<QueryExecution> {
  const clock = options.clock ?? realClock;
  const started = clock.now();
  const id = await start(options, { dialect: 'athena', kind: 'search', sql, params: [] });
  return waitForCompletion(options, id, {
    clock,
    firstPollMs: options.firstPollMs ?? 250,
    maxPollMs: options.maxPollMs ?? 2000,
    deadline: started + timeoutMs,
    timeoutMs,
  });
}

async function start(options: AthenaBackendOptions, compiled: CompiledQuery): Promise<string> {
  try {
    const output = await options.athena.send(
      new StartQueryExecutionCommand({
        QueryString: compiled.sql,
        WorkGroup: options.workGroup,
        QueryExecutionContext: { Database: options.database, ...(options.catalog ? { Catalog: options.catalog } : {}) },
        // Athena wants at least one parameter when the list is given at all.
        ...(compiled.params.length > 0 ? { ExecutionParameters: compiled.params.map(toAthenaLiteral) } : {}),
      }),
    );
    if (!output.QueryExecutionId) throw new ProwlError('prowl_internal', 'search: Athena started a query without returning its id');
    return output.QueryExecutionId;
  } catch (error) {
    if (error instanceof InvalidRequestException) {
      throw new ProwlError(compiled.kind === 'sql' ? 'prowl_bad_input' : 'prowl_internal', `search: Athena rejected the query: ${error.message}`, {
        cause: error,
      });
    }
    throw error instanceof ProwlError
      ? error
      : new ProwlError('prowl_internal', `search: could not start the Athena query: ${String(error)}`, { cause: error });
  }
}

/**
 * Athena substitutes ExecutionParameters into the query as SQL literals, so a string parameter
 * must arrive as a quoted literal. Only the quote needs doubling: Trino string literals have no
 * backslash escapes.
 */
export function toAthenaLiteral(value: SqlParam): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!Number.isFinite(value)) throw new ProwlError('prowl_internal', `search: cannot bind the number ${value}`);
  return String(value);
}

interface WaitOptions {
  clock: NonNullable<AthenaBackendOptions['clock']>;
  firstPollMs: number;
  maxPollMs: number;
  deadline: number;
  timeoutMs: number;
}

async function waitForCompletion(options: AthenaBackendOptions, id: string, wait: WaitOptions): Promise<QueryExecution> {
  for (let delay = wait.firstPollMs; ; delay = Math.min(delay * 2, wait.maxPollMs)) {
    const { QueryExecution: execution } = await options.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const state = execution?.Status?.State;
    if (state === 'SUCCEEDED') return execution!;
    if (state === 'FAILED' || state === 'CANCELLED') throw failure(id, execution!);
    const remaining = wait.deadline - wait.clock.now();
    if (remaining <= 0) {
      await options.athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
      throw new ProwlError(
        'prowl_internal',
        `search: Athena query ${id} was stopped after ${Math.round(wait.timeoutMs / 1000)} s; narrow the time range or add filters`,
      );
    }
    await wait.clock.sleep(Math.min(delay, remaining));
  }
}

function failure(id: string, execution: QueryExecution): ProwlError {
  const status = execution.Status;
  const reason = status?.StateChangeReason ?? status?.AthenaError?.ErrorMessage ?? 'no reason given';
  if (BYTES_LIMIT.test(reason)) {
    const scanned = execution.Statistics?.DataScannedInBytes;
    const detail = scanned === undefined ? '' : ` after ${scanned} bytes`;
    return new ProwlError(
      'prowl_bad_input',
      `search: the query was stopped by the workgroup's bytes-scanned limit${detail}; narrow the time range or add filters`,
    );
  }
  if (status?.State === 'CANCELLED') return new ProwlError('prowl_internal', `search: Athena query ${id} was cancelled: ${reason}`);
  if (status?.AthenaError?.ErrorCategory === USER_ERROR_CATEGORY) {
    return new ProwlError('prowl_bad_input', `search: Athena could not run the query: ${reason}`);
  }
  return new ProwlError('prowl_internal', `search: Athena query ${id} failed: ${reason}`);
}

/** Reads pages until maxRows + 1 rows (to know whether there were more) or the end. */
async function readResults(athena: AthenaClient, id: string, maxRows: number): Promise<Omit<SearchResult, 'elapsedMs' | 'bytesScanned'>> {
  const rows: SearchValue[][] = [];
  let columnInfo: ColumnInfo[] | undefined;
  let nextToken: string | undefined;
  let first = true;
  do {
    // The first page starts with a header row holding the column names; ask for one more for it.
    const wanted = Math.min(PAGE_SIZE, maxRows + 1 - rows.length + (first ? 1 : 0));
    const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: wanted, ...(nextToken ? { NextToken: nextToken } : {}) }));
    columnInfo ??= page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
    const pageRows = page.ResultSet?.Rows ?? [];
    for (const row of first ? pageRows.slice(1) : pageRows) rows.push(toRow(row, columnInfo));
    nextToken = page.NextToken;
    first = false;
  } while (nextToken && rows.length <= maxRows);
  const columns = (columnInfo ?? []).map((column) => column.Label ?? column.Name ?? '');
  const kept = rows.slice(0, maxRows);
  return { columns, rows: kept, rowCount: kept.length, truncated: rows.length > maxRows };
}

const NUMBER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'int', 'bigint', 'double', 'float', 'real', 'decimal']);

/** Athena returns every cell as text; numbers and booleans are typed back from the column type. */
function toRow(row: Row, columns: ColumnInfo[]): SearchValue[] {
  return columns.map((column, index) => {
    const text = row.Data?.[index]?.VarCharValue;
    if (text === undefined) return null;
    const type = (column.Type ?? '').toLowerCase().replace(/\(.*$/, '');
    if (NUMBER_TYPES.has(type)) {
      const number = Number(text);
      return Number.isFinite(number) && (type !== 'bigint' || Number.isSafeInteger(number)) ? number : text;
    }
    if (type === 'boolean') return text === 'true';
    return text;
  });
}
