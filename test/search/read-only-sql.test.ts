import { validateReadOnlySql } from '../../src/search/read-only-sql';
import { rejectionOf } from './helpers/plan';

describe('validateReadOnlySql', () => {
  it.each([
    'SELECT eventName, count(*) FROM aws_cloudtrail WHERE year = 2024 GROUP BY 1 ORDER BY 2 DESC',
    "with logins as (select * from aws_cloudtrail where eventName = 'ConsoleLogin') select count(*) from logins",
    'SELECT \'DROP TABLE x; INSERT\' AS text, "update" FROM aws_cloudtrail /* DELETE in a comment */ WHERE 1 = 1',
    'SELECT /* COPY */ 1',
    "SELECT json_extract_scalar(requestParameters, '$.bucketName') FROM aws_cloudtrail",
    "SELECT a.system, replace(eventName, 'x', 'y') FROM aws_cloudtrail a, aws_vpcflow b",
  ])('accepts the read-only statement %j', (sql) => {
    expect(validateReadOnlySql(sql)).toBe(sql);
  });

  it('drops one trailing semicolon and trailing comments', () => {
    expect(validateReadOnlySql('SELECT 1;  ')).toBe('SELECT 1');
    expect(validateReadOnlySql('SELECT 1 -- DROP')).toBe('SELECT 1');
  });

  it.each([
    ['SELECT 1; DROP TABLE aws_cloudtrail', 'only one statement is allowed, found ";" at character 9'],
    ['SELECT 1;;', 'only one statement is allowed'],
    ['DROP TABLE aws_cloudtrail', 'the statement must start with SELECT or WITH, not "DROP"'],
    ['INSERT INTO t SELECT 1', 'must start with SELECT or WITH'],
    ['WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'INSERT is not allowed'],
    ['WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', 'DELETE is not allowed'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'read_csv is not allowed'],
    ["SELECT * FROM read_csv_auto('/etc/passwd')", 'is not allowed'],
    ["SELECT * FROM READ_TEXT('/root/.aws/credentials')", 'READ_TEXT is not allowed'],
    ["SELECT * FROM '/etc/passwd'", "reading a file by name ('/etc/passwd') is not allowed"],
    ['SELECT * FROM "/etc/passwd.csv"', 'reading a file by name'],
    ["SELECT * FROM aws_cloudtrail, 'data.parquet'", 'reading a file by name'],
    ["SELECT * FROM aws_cloudtrail JOIN 'x.csv' USING (id)", 'reading a file by name'],
    ["SELECT * FROM glob('/home/*')", 'glob is not allowed'],
    ["SELECT * FROM query('DROP TABLE t')", 'query is not allowed'],
    ["SELECT getenv('AWS_SECRET_ACCESS_KEY')", 'getenv is not allowed'],
    ["SELECT '/etc/passwd'.read_text()", 'read_text is not allowed'],
    ['SELECT * FROM duckdb_secrets()', 'duckdb_secrets is not allowed'],
    ["SELECT * FROM sqlite_scan('x.db', 't')", 'sqlite_scan is not allowed'],
    ["COPY (SELECT 1) TO '/tmp/x.csv'", 'must start with SELECT or WITH'],
    ["SELECT 1 FROM (SELECT 1) t WHERE 1 = 1 UNION SELECT 1 FROM (COPY t TO 'x')", 'COPY is not allowed'],
    ["ATTACH '/tmp/x.db' AS x", 'must start with SELECT or WITH'],
    ['SELECT 1 INTO new_table', 'INTO is not allowed'],
    ['SELECT * FROM t; PRAGMA enable_external_access', 'only one statement'],
    ["SELECT current_setting('enable_external_access')", 'current_setting is not allowed'],
    ['SELECT 1 WHERE 1 = 1 AND (SET x = 1)', 'SET is not allowed'],
    ["SELECT E'\\''; DROP TABLE t; SELECT ''", "E'…' strings are not accepted"],
    ['SELECT $$; DROP TABLE t; $$', '"$" is not accepted here'],
    ['SELECT `x` FROM t', '"`" is not accepted here'],
    ["SELECT 'unclosed", 'a string starting at character 8 is not closed'],
    ['SELECT 1 /* unclosed', 'a /* comment is not closed'],
    ['EXPLAIN ANALYZE SELECT 1', 'must start with SELECT or WITH'],
    ["UNLOAD (SELECT 1) TO 's3://bucket/'", 'must start with SELECT or WITH'],
    ['', 'the statement is empty'],
    ['-- just a comment', 'the statement is empty'],
  ])('rejects %j', (sql, problem) => {
    const message = rejectionOf(() => validateReadOnlySql(sql));
    expect(message).toContain(problem);
    expect(message).toContain('accepted: one read-only SELECT (or WITH … SELECT) over the log tables');
  });

  it('rejects statements longer than 20,000 characters', () => {
    expect(rejectionOf(() => validateReadOnlySql(`SELECT ${'1+'.repeat(10_001)}1`))).toContain('longer than 20000 characters');
  });
});
