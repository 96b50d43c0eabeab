import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledQuery } from '../../src/search/compiled-query';
import { createDuckDbBackend, type DuckDbBackend } from '../../src/search/duckdb-backend';
import { compileReadOnlySql, validateReadOnlySql } from '../../src/search/read-only-sql';
import { cloudTrailEvent, writeLake } from '../search/helpers/lake';

/** Admin SQL checked on DuckDB's own parse of the statement, not on its spelling. */
describe('admin SQL on DuckDB, past the text check', () => {
  let root: string;
  let backend: DuckDbBackend;
  const run = (sql: string, timeoutMs = 20_000): ReturnType<DuckDbBackend['run']> =>
    backend.run({ dialect: 'duckdb', kind: 'sql', sql, params: [] } satisfies CompiledQuery, { timeoutMs, maxRows: 100 });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'prowl-sql-sandbox-'));
    writeLake(join(root, 'lake'), [cloudTrailEvent({ eventTime: '2024-05-02T09:15:00Z', eventName: 'ConsoleLogin' })]);
    backend = createDuckDbBackend({ lakeDir: join(root, 'lake') });
  });
  afterAll(() => {
    backend.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a quoted function name the text check lets through', async () => {
    expect(() => validateReadOnlySql('SELECT * FROM "duckdb_settings"()')).not.toThrow();
    await expect(run('SELECT * FROM "duckdb_settings"()')).rejects.toThrow(/sql: the table function duckdb_settings is not allowed/);
    await expect(run('SELECT "Read_Text"(\'/etc/passwd\')')).rejects.toThrow(/sql: read_text is not allowed/);
    await expect(run('SELECT "current_setting"(\'threads\')')).rejects.toThrow(/sql: current_setting is not allowed/);
  });

  it('refuses tables that are not log tables, and other catalogs', async () => {
    await expect(run('SELECT * FROM duckdb_tables')).rejects.toThrow(/"duckdb_tables" is not a log table/);
    await expect(run('SELECT * FROM system.main.duckdb_settings')).rejects.toThrow(/not allowed: query the log tables by their plain names/);
  });

  it('still runs log-table queries, with their CTEs', async () => {
    const result = await run('WITH logins AS (SELECT eventName FROM aws_cloudtrail) SELECT count(*) AS n FROM logins');
    expect(result.rows).toEqual([[1]]);
    await expect(backend.run(compileReadOnlySql('SELECT eventName FROM AWS_CLOUDTRAIL', 'duckdb'), { timeoutMs: 20_000, maxRows: 10 })).resolves.toMatchObject({
      rowCount: 1,
    });
  });

  it('runs nothing but a SELECT, so nothing can be written under the lake even past every check', async () => {
    const logs = join(root, 'lake', 'logs');
    for (const sql of [`COPY (SELECT 1 AS x) TO '${logs}/copied.csv'`, `ATTACH '${logs}/attached.duckdb' AS other`, `EXPORT DATABASE '${logs}/exported'`]) {
      await expect(backend.run({ dialect: 'duckdb', kind: 'search', sql, params: [] }, { timeoutMs: 20_000, maxRows: 10 })).rejects.toThrow(
        /only SELECT statements are run/,
      );
    }
    expect(readdirSync(logs).sort()).toEqual(['aws_cloudtrail']);
  });

  it('stops a runaway statement even when its time runs out before it starts executing', async () => {
    await expect(run('SELECT count(*) FROM range(100000000000) a, range(10) b', 1)).rejects.toThrow('search: stopped after');
  });
});
