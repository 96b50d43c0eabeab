import { ProwlError } from '../errors';
import type { CompiledQuery } from './compiled-query';

/**
 * Admins may run their own SQL, read-only: exactly one SELECT (or WITH … SELECT) statement.
 *
 * This check reads the text as tokens (comments, strings and quoted names skipped) and refuses
 * anything that could write, change settings, load code or read outside the lake. It is one layer
 * of three: the DuckDB backend also asks DuckDB's own parser that the statement is a single SELECT
 * and runs it with file access locked to the lake directory; Athena runs under a workgroup whose
 * role only reads. So a gap here is not a hole, but this layer gives the clear error.
 */
export function validateReadOnlySql(sql: string): string {
  if (sql.length > MAX_SQL_LENGTH) reject(`the statement is longer than ${MAX_SQL_LENGTH} characters`);
  const tokens = tokenize(sql);
  let end = tokens.length;
  // One trailing semicolon is how people end statements; anything after it is a second statement.
  if (tokens[end - 1]?.text === ';') end -= 1;
  const body = tokens.slice(0, end);
  if (body.length === 0) reject('the statement is empty');
  const semicolon = body.find((token) => token.text === ';');
  if (semicolon) reject(`only one statement is allowed, found ";" at character ${semicolon.start + 1}`);
  const first = body[0]!;
  if (first.kind !== 'word' || !STARTERS.has(first.upper)) {
    reject(`the statement must start with SELECT or WITH, not "${first.text}"`);
  }
  let clause = '';
  let previous: Token | undefined;
  for (const [index, token] of body.entries()) {
    const next = body[index + 1];
    if (token.kind === 'word') {
      if (DENIED_WORDS.has(token.upper)) reject(`${token.upper} is not allowed: only reading with SELECT is`);
      // Function names only count when called, so a column named `system` is fine; method calls
      // ('path'.read_text()) are calls too.
      const called = next?.text === '(';
      if (called && (DENIED_PREFIXES.some((prefix) => token.upper.startsWith(prefix)) || DENIED_FUNCTIONS.has(token.upper))) {
        reject(`${token.text} is not allowed: it reads files, settings or other databases; query the log tables instead`);
      }
      if (CLAUSE_WORDS.has(token.upper)) clause = token.upper;
    }
    // FROM 'file.csv' and FROM "file.parquet" make DuckDB read that file.
    const inFromList =
      previous !== undefined && (previous.upper === 'FROM' || previous.upper === 'JOIN' || (previous.text === ',' && (clause === 'FROM' || clause === 'JOIN')));
    if (inFromList && (token.kind === 'string' || (token.kind === 'quoted' && /[./\\:]/.test(token.text)))) {
      reject(`reading a file by name (${sql.slice(token.start, token.end)}) is not allowed; query the log tables instead`);
    }
    previous = token;
  }
  return sql.slice(0, body[body.length - 1]!.end).trim();
}

const MAX_SQL_LENGTH = 20_000;
const STARTERS = new Set(['SELECT', 'WITH']);
const CLAUSE_WORDS = new Set([
  'SELECT',
  'FROM',
  'JOIN',
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'QUALIFY',
  'WINDOW',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'ON',
  'USING',
]);

/** Statements and clauses that write, change state or settings, or run other statements. */
const DENIED_WORDS = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'CREATE',
  'DROP',
  'ALTER',
  'TRUNCATE',
  'RENAME',
  'COMMENT',
  'COPY',
  'EXPORT',
  'IMPORT',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'LOAD',
  'FORCE',
  'PRAGMA',
  'SET',
  'RESET',
  'CALL',
  'EXECUTE',
  'PREPARE',
  'DEALLOCATE',
  'VACUUM',
  'ANALYZE',
  'CHECKPOINT',
  'GRANT',
  'REVOKE',
  'USE',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'ABORT',
  'TRANSACTION',
  'SAVEPOINT',
  'UNLOAD',
  'MSCK',
  'REFRESH',
  'REPAIR',
  'DESCRIBE',
  'SHOW',
  'EXPLAIN',
  'SUMMARIZE',
  'INTO',
  'SECRET',
  'LISTEN',
  'NOTIFY',
]);

/** Functions that read files, other databases, the environment or run SQL from a string. */
export const DENIED_FUNCTIONS = new Set([
  'GLOB',
  'QUERY',
  'QUERY_TABLE',
  'SNIFF_CSV',
  'GETENV',
  'WHICH_SECRET',
  'LOAD_AWS_CREDENTIALS',
  'CURRENT_SETTING',
  'PARQUET_SCAN',
  'CSV_SCAN',
  'JSON_SCAN',
  'TABLE_INFO',
  'PG_READ_FILE',
  'PG_LS_DIR',
  'SYSTEM',
]);
export const DENIED_PREFIXES = ['READ_', 'PARQUET_', 'SQLITE_', 'POSTGRES_', 'MYSQL_', 'ICEBERG_', 'DELTA_', 'DUCKDB_', 'PRAGMA_', 'HTTP', 'S3_', 'ARROW_SCAN'];

interface Token {
  kind: 'word' | 'string' | 'quoted' | 'symbol' | 'number';
  text: string;
  upper: string;
  start: number;
  end: number;
}

/**
 * Splits SQL into tokens the way both engines read it. Forms this tokenizer would read differently
 * from one of them are refused rather than guessed: E'…' (backslash escapes), $$…$$ (dollar
 * quoting), backticks and unterminated strings or comments.
 */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const push = (kind: Token['kind'], start: number, end: number, text = sql.slice(start, end)): void => {
    tokens.push({ kind, text, upper: kind === 'word' ? text.toUpperCase() : text, start, end });
  };
  while (pos < sql.length) {
    const char = sql[pos]!;
    if (/\s/.test(char)) {
      pos += 1;
    } else if (sql.startsWith('--', pos)) {
      const newline = sql.indexOf('\n', pos);
      pos = newline === -1 ? sql.length : newline + 1;
    } else if (sql.startsWith('/*', pos)) {
      const close = sql.indexOf('*/', pos + 2);
      if (close === -1) reject('a /* comment is not closed');
      pos = close + 2;
    } else if (char === "'" || char === '"') {
      const close = closingQuote(sql, pos, char);
      push(
        char === "'" ? 'string' : 'quoted',
        pos,
        close + 1,
        sql
          .slice(pos + 1, close)
          .split(char + char)
          .join(char),
      );
      pos = close + 1;
    } else if (char === '$' || char === '`') {
      reject(`"${char}" is not accepted here; use '…' for strings and "…" for names`);
    } else if (/[A-Za-z_]/.test(char)) {
      const start = pos;
      while (pos < sql.length && /[A-Za-z0-9_]/.test(sql[pos]!)) pos += 1;
      if (sql[pos] === "'" && /^[eE]$/.test(sql.slice(start, pos))) reject("E'…' strings are not accepted; use '…' (write '' for a quote)");
      push('word', start, pos);
    } else if (/[0-9]/.test(char)) {
      const start = pos;
      while (pos < sql.length && /[0-9A-Za-z_.]/.test(sql[pos]!)) pos += 1;
      push('number', start, pos);
    } else {
      push('symbol', pos, pos + 1);
      pos += 1;
    }
  }
  return tokens;
}

/** Index of the quote that closes the one at `open`; a doubled quote is an escaped one. */
function closingQuote(sql: string, open: number, quote: string): number {
  let pos = open + 1;
  for (;;) {
    const close = sql.indexOf(quote, pos);
    if (close === -1) reject(`a ${quote === "'" ? 'string' : 'quoted name'} starting at character ${open + 1} is not closed`);
    if (sql[close + 1] === quote) {
      pos = close + 2;
      continue;
    }
    return close;
  }
}

function reject(problem: string): never {
  throw new ProwlError('prowl_bad_input', `sql: ${problem}; accepted: one read-only SELECT (or WITH … SELECT) over the log tables`);
}

/** An admin's statement, checked, ready for a backend of the given dialect. */
export function compileReadOnlySql(sql: string, dialect: CompiledQuery['dialect']): CompiledQuery {
  return { dialect, kind: 'sql', sql: validateReadOnlySql(sql), params: [] };
}
