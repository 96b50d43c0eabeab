import { DateTime } from 'luxon';
import { z } from 'zod';
import { describeIssues } from '../config/zod-issues';
import { asProwlError, isProwlError } from '../errors';
import { createDuckDbBackend } from '../search/duckdb-backend';
import { formatTextTable } from '../search/format-table';
import { summarizeResult } from '../search/result-summary';
import { compileSearch, runSearch } from '../search/search';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../search/search-limits';

export interface SearchCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface SearchCommandOptions {
  /** The local lake `npm start` fills (holds logs/<table>/…). */
  lakeDir: string;
  limits?: SearchLimits;
}

const USAGE = `usage: prowl search [--format table|json] [--timeout <seconds>] [--explain] <query>

  <query>   <log-type|any> [field op value …] [last 24h | since <date> [until <date>]] [limit N] [fields a,b,c]
            e.g. prowl search AWS.CloudTrail eventName=ConsoleLogin last 7d
                 prowl search any ip=203.0.113.7
  --format  table (default) or json (one JSON object per row)
  --timeout stop the search after this many seconds (default 60)
  --explain print the SQL and its parameters instead of running it
`;

const optionsSchema = z
  .object({
    format: z.enum(['table', 'json']),
    timeoutSeconds: z.coerce.number().int().min(1).max(3600),
    explain: z.boolean(),
  })
  .strict();

/**
 * `prowl search …` against the local lake with DuckDB. Rows go to stdout (a table, or JSON lines
 * for piping into jq); the summary and errors go to stderr. Exit code 0 on success, 2 when the
 * query or options are wrong, 1 when the search itself failed.
 */
export async function searchCommand(argv: string[], io: SearchCommandIo, options: SearchCommandOptions): Promise<number> {
  const parsed = parseArguments(argv);
  if ('help' in parsed) {
    io.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr.write(`prowl search: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const limits = options.limits ?? DEFAULT_SEARCH_LIMITS;
  // The CLI is an edge: its clock is luxon's (Settings.now, which tests freeze).
  const now = DateTime.utc();
  const backend = createDuckDbBackend({ lakeDir: options.lakeDir });
  try {
    if (parsed.options.explain) {
      const compiled = compileSearch(parsed.query, backend.target, { limits, now });
      io.stdout.write(`${compiled.sql}\n-- parameters: ${JSON.stringify(compiled.params)}\n`);
      return 0;
    }
    const { result } = await runSearch(parsed.query, backend, { limits, now, timeoutMs: parsed.options.timeoutSeconds * 1000, maxRows: limits.maxLimit });
    if (parsed.options.format === 'json') {
      for (const row of result.rows) {
        io.stdout.write(`${JSON.stringify(Object.fromEntries(result.columns.map((column, index) => [column, row[index] ?? null])))}\n`);
      }
    } else {
      io.stdout.write(`${formatTextTable(result, { maxRows: result.rows.length, maxCellWidth: 60 })}\n`);
    }
    io.stderr.write(`${summarizeResult(result)}\n`);
    return 0;
  } catch (error) {
    const failure = asProwlError(error);
    // Messages already start with "search:" or "sql:".
    io.stderr.write(`prowl ${failure.message}\n`);
    return isProwlError(failure, 'prowl_bad_input') ? 2 : 1;
  } finally {
    backend.close();
  }
}

type Parsed = { help: true } | { error: string } | { query: string; options: z.infer<typeof optionsSchema> };

function parseArguments(argv: string[]): Parsed {
  const raw = { format: 'table', timeoutSeconds: '60', explain: false };
  const words: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--explain') {
      raw.explain = true;
      continue;
    }
    const option = /^--(format|timeout)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? argv[++index];
      if (value === undefined) return { error: `--${option[1]} needs a value` };
      if (option[1] === 'format') raw.format = value;
      else raw.timeoutSeconds = value;
      continue;
    }
    if (arg.startsWith('--')) return { error: `unknown option ${arg}; accepted: --format, --timeout, --explain, --help` };
    words.push(arg);
  }
  const checked = optionsSchema.safeParse(raw);
  if (!checked.success)
    return {
      error: describeIssues(checked.error)
        .replace('timeoutSeconds', '--timeout')
        .replace(/^format/, '--format'),
    };
  if (words.length === 0) return { error: 'missing query' };
  return { query: joinQuery(words), options: checked.data };
}

/**
 * The shell has already removed the quotes around `userAgent="aws cli"`, leaving one argument with
 * a space. One argument is taken as the whole query (`prowl search 'any ip=…'`); with several, an
 * argument holding spaces is quoted again so the parser sees one value.
 */
function joinQuery(words: string[]): string {
  if (words.length === 1) return words[0]!;
  return words
    .map((word) => {
      // Already-grouped pieces (`ip in (a, b)`) keep their own structure.
      if (!/\s/.test(word) || /^[A-Za-z_][A-Za-z0-9_.]*\s+in\s*\(/i.test(word)) return word;
      const filter = /^([A-Za-z_][A-Za-z0-9_.]*)(!=|!~|>=|<=|=|~|>|<)([\s\S]*)$/.exec(word);
      return filter ? `${filter[1]}${filter[2]}${quote(filter[3]!)}` : quote(word);
    })
    .join(' ');
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
