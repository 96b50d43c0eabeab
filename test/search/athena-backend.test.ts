import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  InvalidRequestException,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type QueryExecutionState,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { isProwlError } from '../../src/errors';
import { createAthenaBackend } from '../../src/search/athena-backend';
import type { CompiledQuery } from '../../src/search/compiled-query';
import type { SearchBackend } from '../../src/search/search-backend';
import { compileFor } from './helpers/compile';

const athena = mockClient(AthenaClient);

/** A clock that moves only when the backend sleeps, so no test waits. */
function fakeClock(): { now(): number; sleep(ms: number): Promise<void>; sleeps: number[] } {
  let time = 1_000_000;
  const sleeps: number[] = [];
  return { sleeps, now: () => time, sleep: async (ms) => void (sleeps.push(ms), (time += ms)) };
}

function execution(state: QueryExecutionState, extra: Record<string, unknown> = {}): { QueryExecution: Record<string, unknown> } {
  return { QueryExecution: { QueryExecutionId: 'q-1', Status: { State: state, ...extra }, Statistics: { DataScannedInBytes: 52_428_800 } } };
}

const header = { Data: [{ VarCharValue: 'p_event_time' }, { VarCharValue: 'eventname' }, { VarCharValue: 'n' }, { VarCharValue: 'ro' }] };
const columnInfo = [
  { Name: 'p_event_time', Type: 'varchar' },
  { Name: 'eventname', Type: 'varchar' },
  { Name: 'n', Type: 'bigint' },
  { Name: 'ro', Type: 'boolean' },
];
const row = (time: string, name: string, n: string, ro?: string): { Data: Array<{ VarCharValue?: string }> } => ({
  Data: [{ VarCharValue: time }, { VarCharValue: name }, { VarCharValue: n }, ro === undefined ? {} : { VarCharValue: ro }],
});

describe('Athena backend', () => {
  let clock: ReturnType<typeof fakeClock>;
  let backend: SearchBackend;
  const compiled: CompiledQuery = {
    ...compileFor('athena', 'AWS.CloudTrail eventName="it\'s" fields eventName'),
    columns: ['p_event_time', 'eventName', 'n', 'readOnly'],
  };

  beforeEach(() => {
    athena.reset();
    clock = fakeClock();
    backend = createAthenaBackend({ athena: new AthenaClient({ region: 'us-east-1' }), workGroup: 'prowl-search', database: 'prowl', clock });
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [header], ResultSetMetadata: { ColumnInfo: columnInfo } } });
  });

  it('starts the query in the workgroup and database with the values as quoted literals', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    await backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 });
    const [start] = athena.commandCalls(StartQueryExecutionCommand);
    expect(start!.args[0].input).toEqual({
      QueryString: compiled.sql,
      WorkGroup: 'prowl-search',
      QueryExecutionContext: { Database: 'prowl' },
      ExecutionParameters: ["'2024-05-01T10:30:00.000Z'", "'2024-05-02T10:30:00.000Z'", "'it''s'"],
    });
  });

  it('sends no ExecutionParameters for a statement without any', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    await backend.run({ dialect: 'athena', kind: 'sql', sql: 'SELECT 1', params: [] }, { timeoutMs: 60_000, maxRows: 10 });
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).not.toHaveProperty('ExecutionParameters');
  });

  it('polls with doubling waits capped at the maximum until the query succeeds', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('QUEUED'))
      .resolvesOnce(execution('RUNNING'))
      .resolvesOnce(execution('RUNNING'))
      .resolvesOnce(execution('RUNNING'))
      .resolvesOnce(execution('RUNNING'))
      .resolves(execution('SUCCEEDED'));
    const result = await backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 });
    expect(clock.sleeps).toEqual([250, 500, 1000, 2000, 2000]);
    expect(result.elapsedMs).toBe(5750);
  });

  it('reads every page, skips the header row and types cells from the column types', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        ResultSet: { Rows: [header, row('2024-05-02T09:00:00.000Z', 'ConsoleLogin', '3', 'true')], ResultSetMetadata: { ColumnInfo: columnInfo } },
        NextToken: 'page-2',
      })
      .resolvesOnce({ ResultSet: { Rows: [row('2024-05-02T08:00:00.000Z', 'GetObject', '12')], ResultSetMetadata: { ColumnInfo: columnInfo } } });
    const result = await backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 });
    expect(result).toEqual({
      columns: ['p_event_time', 'eventName', 'n', 'readOnly'],
      rows: [
        ['2024-05-02T09:00:00.000Z', 'ConsoleLogin', 3, true],
        ['2024-05-02T08:00:00.000Z', 'GetObject', 12, null],
      ],
      rowCount: 2,
      truncated: false,
      bytesScanned: 52_428_800,
      elapsedMs: 0,
    });
    const pages = athena.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input);
    expect(pages).toEqual([
      { QueryExecutionId: 'q-1', MaxResults: 12 },
      { QueryExecutionId: 'q-1', MaxResults: 10, NextToken: 'page-2' },
    ]);
  });

  it('stops reading at maxRows and says the result was cut', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: { Rows: [header, row('t1', 'a', '1'), row('t2', 'b', '2'), row('t3', 'c', '3')], ResultSetMetadata: { ColumnInfo: columnInfo } },
      NextToken: 'more',
    });
    const result = await backend.run(compiled, { timeoutMs: 60_000, maxRows: 2 });
    expect(result).toMatchObject({ rowCount: 2, truncated: true });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(1);
  });

  it('reports a query Athena failed for the user’s reasons as bad input', async () => {
    athena.on(GetQueryExecutionCommand).resolves(
      execution('FAILED', {
        StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved",
        AthenaError: { ErrorCategory: 2, ErrorType: 1006 },
      }),
    );
    const error = await backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 }).catch((caught: unknown) => caught);
    expect(isProwlError(error, 'prowl_bad_input')).toBe(true);
    expect((error as Error).message).toBe("search: Athena could not run the query: COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
  });

  it('reports a system failure as an internal error with the query id', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('FAILED', { StateChangeReason: 'Internal service error', AthenaError: { ErrorCategory: 1 } }));
    const error = await backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 }).catch((caught: unknown) => caught);
    expect(isProwlError(error, 'prowl_internal')).toBe(true);
    expect((error as Error).message).toBe('search: Athena query q-1 failed: Internal service error');
  });

  it('reports a cancelled query', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('CANCELLED', { StateChangeReason: 'Query was cancelled by user' }));
    await expect(backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 })).rejects.toThrow(
      'search: Athena query q-1 was cancelled: Query was cancelled by user',
    );
  });

  it('explains the workgroup’s bytes-scanned cap stopping a query', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('CANCELLED', { StateChangeReason: 'Query cancelled! : Bytes scanned limit was exceeded' }));
    const error = await backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 }).catch((caught: unknown) => caught);
    expect(isProwlError(error, 'prowl_bad_input')).toBe(true);
    expect((error as Error).message).toBe(
      "search: the query was stopped by the workgroup's bytes-scanned limit after 52428800 bytes; narrow the time range or add filters",
    );
  });

  it('stops a query that runs past the time limit', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).resolves({});
    await expect(backend.run(compiled, { timeoutMs: 3000, maxRows: 10 })).rejects.toThrow(
      'search: Athena query q-1 was stopped after 3 s; narrow the time range or add filters',
    );
    expect(athena.commandCalls(StopQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([{ QueryExecutionId: 'q-1' }]);
    expect(clock.sleeps).toEqual([250, 500, 1000, 1250]);
  });

  it('reports a statement Athena refuses to start', async () => {
    athena.on(StartQueryExecutionCommand).rejects(new InvalidRequestException({ message: 'WorkGroup prowl-search is disabled', $metadata: {} }));
    await expect(backend.run(compiled, { timeoutMs: 60_000, maxRows: 10 })).rejects.toThrow(
      'search: Athena rejected the query: WorkGroup prowl-search is disabled',
    );
  });

  it('refuses a query compiled for DuckDB', async () => {
    await expect(backend.run(compileFor('duckdb', 'AWS.CloudTrail'), { timeoutMs: 60_000, maxRows: 10 })).rejects.toThrow(
      'a query compiled for duckdb cannot run on Athena',
    );
  });
});
