import { z } from 'zod';
import { FieldError, integerField, readFields } from './line-fields';
import type { LineVerdict, LogType } from './log-type';
import { isoFromUnixSeconds } from './time';

/**
 * Aurora MySQL advanced auditing logs: one comma-separated line per audited event,
 * `timestamp,serverhost,username,host,connectionid,queryid,operation,database,object,retcode`.
 * Fields are named as Panther v1 names them (`serverHost`, `connectionId`, `queryId`, `retCode`)
 * so searches and rules port unchanged. `object` is the SQL text of QUERY events (or the table of
 * READ/WRITE… events): Aurora writes it between single quotes with `\'` and `\\` escaped, commas
 * and quotes inside; it is stored unquoted, as the statement ran. `timestamp` is Unix
 * microseconds, stored as ISO-8601 UTC with the microseconds kept. Empty fields are null; fields
 * after `retcode` are kept, in order, in `additionalFields`.
 */
const text = z.string().nullable();
const count = z.number().int().nullable();

export const auroraMySqlAuditEventSchema = z
  .object({
    timestamp: z.iso.datetime(),
    serverHost: text,
    username: text,
    host: text,
    connectionId: count,
    queryId: count,
    operation: z.string().regex(/^[A-Z_]{2,32}$/, 'expected an operation such as CONNECT, QUERY, READ or WRITE'),
    database: text,
    object: text,
    retCode: count,
    additionalFields: z.array(z.string()).optional(),
  })
  .strict();

export type AuroraMySqlAuditEvent = z.infer<typeof auroraMySqlAuditEventSchema>;

const LEADING_FIELDS = 8;
const MICROSECONDS = /^\d{10,17}$/;
const OPERATION = /^[A-Z_]{2,32}$/;
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** `1700000000123456` (µs) → `2023-11-14T22:13:20.123456Z`. */
function isoFromMicroseconds(value: string): string | undefined {
  if (!MICROSECONDS.test(value)) return undefined;
  const micros = BigInt(value);
  const seconds = Number(micros / 1_000_000n);
  const base = isoFromUnixSeconds(seconds);
  return base === undefined ? undefined : `${base.slice(0, 19)}.${(micros % 1_000_000n).toString().padStart(6, '0')}Z`;
}

/**
 * The quoted object starting at `from` (its opening quote): the end of the closing quote, which
 * is an unescaped quote followed by a comma or the line's end, and the unescaped text.
 */
function quoted(line: string, from: number): { end: number; value: string } | undefined {
  const special = /['\\]/g;
  let value = '';
  let copied = from + 1;
  special.lastIndex = copied;
  for (let match = special.exec(line); match !== null; match = special.exec(line)) {
    const i = match.index;
    if (line.charCodeAt(i) === BACKSLASH) {
      if (i + 1 >= line.length) break;
      const next = line[i + 1]!;
      // Only the escapes Aurora writes are undone; any other backslash stays as it was.
      value += line.slice(copied, i) + (next === "'" || next === '\\' ? next : `\\${next}`);
      copied = i + 2;
      special.lastIndex = copied;
      continue;
    }
    if (i + 1 === line.length || line.charCodeAt(i + 1) === COMMA) return { end: i + 1, value: value + line.slice(copied, i) };
  }
  return undefined;
}

const emptyIsNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

function parseLine(line: string): LineVerdict {
  const leading: string[] = [];
  let at = 0;
  while (leading.length < LEADING_FIELDS) {
    const comma = line.indexOf(',', at);
    if (comma === -1)
      return { error: `Aurora MySQL audit lines have at least ${LEADING_FIELDS + 2} comma-separated fields; this one has ${leading.length + 1}` };
    leading.push(line.slice(at, comma));
    at = comma + 1;
  }
  const timestamp = isoFromMicroseconds(leading[0]!);
  if (timestamp === undefined) return { error: `timestamp: expected Unix microseconds, got "${leading[0]!.slice(0, 40)}"` };
  if (!OPERATION.test(leading[6]!))
    return { error: `operation: expected an operation such as CONNECT, QUERY, READ or WRITE, got "${leading[6]!.slice(0, 40)}"` };

  let object: string;
  if (line.charCodeAt(at) === QUOTE) {
    const found = quoted(line, at);
    if (found === undefined) return { error: `object: the quote opened at column ${at + 1} never closes` };
    object = found.value;
    at = found.end;
  } else {
    const comma = line.indexOf(',', at);
    object = comma === -1 ? line.slice(at) : line.slice(at, comma);
    at = comma === -1 ? line.length : comma;
  }
  if (at >= line.length) return { error: 'retcode: missing after object' };
  const rest = line.slice(at + 1).split(',');
  return readFields(() => {
    const record: Record<string, unknown> = {
      timestamp,
      serverHost: emptyIsNull(leading[1]),
      username: emptyIsNull(leading[2]),
      host: emptyIsNull(leading[3]),
      connectionId: integerField('connectionid', leading[4]),
      queryId: integerField('queryid', leading[5]),
      operation: leading[6],
      database: emptyIsNull(leading[7]),
      object: emptyIsNull(object),
      retCode: integerField('retcode', rest[0]),
    };
    if (record['retCode'] === null) throw new FieldError('retcode: expected a whole number');
    if (rest.length > 1) record['additionalFields'] = rest.slice(1);
    return record;
  });
}

export const auroraMySqlAudit: LogType<AuroraMySqlAuditEvent> = {
  name: 'AWS.AuroraMySQLAudit',
  schema: auroraMySqlAuditEventSchema,
  framing: { kind: 'lines', createParser: () => parseLine },
  detect: true,
  eventTime: (event) => event.timestamp,
  indicators(event, found) {
    found.ip(event.host);
    found.hostname(event.serverHost);
    // Panther v1 leaves the database user out; Prowl keeps it so `any user=` finds what they ran.
    found.username(event.username);
  },
};
