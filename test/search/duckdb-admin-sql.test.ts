import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProwlError } from '../../src/errors';
import { createDuckDbBackend, type DuckDbBackend } from '../../src/search/duckdb-backend';
import { compileReadOnlySql } from '../../src/search/read-only-sql';
import type { CompiledQuery } from '../../src/search/compiled-query';
import { cloudTrailEvent, writeLake } from './helpers/lake';

/** Admin SQL on DuckDB, and the sandbox that holds even when the text check is bypassed. */
describe('DuckDB admin SQL', () => {
  let root: string;
  let lakeDir: string;
  let secretFile: string;
  let backend: DuckDbBackend;
  const run = (compiled: CompiledQuery, timeoutMs = 20_000): ReturnType<DuckDbBackend['run']> => backend.run(compiled, { timeoutMs, maxRows: 100 });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'prowl-admin-sql-'));
    lakeDir = join(root, 'lake');
    secretFile = join(root, 'secret.csv');
    writeFileSync(secretFile, 'key\nAKIASECRET\n');
    writeLake(lakeDir, [
      cloudTrailEvent({ eventTime: '2024-05-02T09:15:00Z', eventName: 'ConsoleLogin' }),
      cloudTrailEvent({ eventTime: '2024-05-02T09:20:00Z', eventName: 'ConsoleLogin' }),
      cloudTrailEvent({ eventTime: '2024-05-01T09:20:00Z', eventName: 'DeleteTrail' }),
    ]);
    backend = createDuckDbBackend({ lakeDir });
  });

  afterAll(() => {
    backend.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('exposes each log table by name, with its partition columns', async () => {
    const result = await run(
      compileReadOnlySql('SELECT eventName, count(*) AS n FROM aws_cloudtrail WHERE year = 2024 AND day = 2 GROUP BY eventName', 'duckdb'),
    );
    expect(result).toMatchObject({ columns: ['eventName', 'n'], rows: [['ConsoleLogin', 2]], rowCount: 1 });
  });

  it('re-checks the statement text before running it', async () => {
    const bypass: CompiledQuery = { dialect: 'duckdb', kind: 'sql', sql: "SELECT 1; COPY (SELECT 1) TO 'x.csv'", params: [] };
    await expect(run(bypass)).rejects.toThrow('only one statement is allowed');
  });

  it('cannot read files outside the lake even when the SQL skips every text check', async () => {
    const smuggled: CompiledQuery = { dialect: 'duckdb', kind: 'search', sql: `SELECT * FROM read_csv('${secretFile}')`, params: [] };
    await expect(run(smuggled)).rejects.toThrow(/file system operations are disabled by configuration/);
  });

  it('cannot switch the sandbox off', async () => {
    const smuggled: CompiledQuery = { dialect: 'duckdb', kind: 'search', sql: 'SET enable_external_access = true', params: [] };
    // Refused before DuckDB sees it (only SELECTs run); the locked configuration is the layer behind.
    await expect(run(smuggled)).rejects.toThrow(/only SELECT statements are run/);
  });

  it('reports SQL DuckDB rejects as the admin’s input error', async () => {
    const error = await run(compileReadOnlySql('SELECT no_such_column FROM aws_cloudtrail', 'duckdb')).catch((caught: unknown) => caught);
    expect(isProwlError(error, 'prowl_bad_input')).toBe(true);
    expect((error as Error).message).toMatch(/^sql: DuckDB rejected the statement: Binder Error/);
  });

  it('stops a statement that runs past its time limit', async () => {
    const slow = compileReadOnlySql('SELECT count(*) FROM range(100000000000) a, range(10) b', 'duckdb');
    await expect(run(slow, 200)).rejects.toThrow('search: stopped after 0.2 s; narrow the time range or add filters');
  });

  it('refuses a query compiled for Athena', async () => {
    await expect(run({ dialect: 'athena', kind: 'sql', sql: 'SELECT 1', params: [] })).rejects.toThrow('a query compiled for athena cannot run on DuckDB');
  });
});
