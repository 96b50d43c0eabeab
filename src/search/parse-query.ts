import { queryError } from './query-error';
import {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  type FieldNode,
  type FilterNode,
  type QueryNode,
  type SourceNode,
  type Span,
  type TimeNode,
  type TimeUnit,
  type ValueNode,
} from './query-ast';

/**
 * Parses `<log-type|any> [field op value …] [last 24h | since <date> [until <date>]] [limit N] [fields a,b]`.
 *
 * Hand-written rather than a tokenizer plus grammar because the language is context dependent:
 * after an operator everything up to the next space is the value (ARNs, globs and base64 carry
 * `:`, `/`, `*` and `=`), while before it `=` ends the field name.
 */
export function parseQuery(text: string): QueryNode {
  return new QueryParser(text).parse();
}

/** Letters, digits and _ per segment, segments joined by dots; nothing else ever reaches SQL. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPERATOR_CHARS = '=!~<>';
/** Characters that end a bare word; quotes open a quoted value. */
const WORD_STOP = new Set([...OPERATOR_CHARS, '(', ')', ',', '"', '\u201c', '\u201d']);
const KEYWORDS = new Set(['last', 'since', 'limit', 'fields']);
const ACCEPTED_OPERATORS = 'accepted operators: =, !=, ~ (glob), !~, in (a, b), >, >=, <, <=';
const ACCEPTED_CLAUSES = 'accepted: field op value, last <n>m|h|d, since <date> [until <date>], limit <n>, fields a,b,c';
const MAX_QUERY_LENGTH = 4000;
const MAX_LIMIT_DIGITS = 9;

class QueryParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): QueryNode {
    if (this.text.length > MAX_QUERY_LENGTH) {
      throw queryError(this.text, { start: MAX_QUERY_LENGTH, end: MAX_QUERY_LENGTH + 1 }, `the query is longer than ${MAX_QUERY_LENGTH} characters`);
    }
    const source = this.parseSource();
    const query: QueryNode = { text: this.text, source, filters: [] };
    for (this.skipSpace(); !this.atEnd(); this.skipSpace()) {
      this.parseClause(query);
    }
    return query;
  }

  private parseSource(): SourceNode {
    this.skipSpace();
    const word = this.readWord();
    if (word.text === '') {
      throw queryError(
        this.text,
        word.span,
        'missing log type',
        'start with a log type such as AWS.CloudTrail, or "any" to search indicators across every log type',
      );
    }
    if (word.text.toLowerCase() === 'any') return { kind: 'any', span: word.span };
    return { kind: 'logType', name: word.text, span: word.span };
  }

  private parseClause(query: QueryNode): void {
    const start = this.pos;
    const word = this.readWord();
    if (word.text === '') {
      throw queryError(this.text, this.charSpan(), 'unexpected character', ACCEPTED_CLAUSES);
    }
    const keyword = word.text.toLowerCase();
    if (KEYWORDS.has(keyword) && !this.operatorFollows()) {
      if (keyword === 'last' || keyword === 'since') {
        if (query.time) throw queryError(this.text, word.span, 'the time range is given twice', 'give one of last <n>m|h|d or since <date> [until <date>]');
        query.time = keyword === 'last' ? this.parseLast(start) : this.parseSince(start);
      } else if (keyword === 'limit') {
        if (query.limit) throw queryError(this.text, word.span, 'limit is given twice', 'give limit once');
        query.limit = this.parseLimit(word.span);
      } else {
        if (query.fields) throw queryError(this.text, word.span, 'fields is given twice', 'list every field once: fields a,b,c');
        query.fields = this.parseFieldList();
      }
      return;
    }
    if (keyword === 'until') {
      throw queryError(this.text, word.span, '"until" without "since"', 'write since <date> until <date>');
    }
    query.filters.push(this.parseFilter(word, start));
  }

  private parseFilter(fieldWord: { text: string; span: Span }, start: number): FilterNode {
    const field = this.toField(fieldWord);
    this.skipSpace();
    const op = this.readOperator(field);
    if (op === 'in') {
      const values = this.parseValueList(field);
      return { field, op, values, span: { start, end: this.pos } };
    }
    const value = this.readValue(`missing value after ${field.text}${op}`, false);
    return { field, op, value, span: { start, end: this.pos } };
  }

  private readOperator(field: FieldNode): ComparisonOperator | 'in' {
    const start = this.pos;
    while (!this.atEnd() && OPERATOR_CHARS.includes(this.peek())) this.pos += 1;
    const symbol = this.text.slice(start, this.pos);
    if (symbol !== '') {
      const op = COMPARISON_OPERATORS.find((candidate) => candidate === symbol);
      if (!op) throw queryError(this.text, { start, end: this.pos }, `unknown operator after ${field.text}`, ACCEPTED_OPERATORS);
      return op;
    }
    const word = this.readWord();
    if (word.text.toLowerCase() === 'in') return 'in';
    const span = word.text === '' ? this.charSpan() : word.span;
    throw queryError(this.text, span, `expected an operator after ${field.text}`, ACCEPTED_OPERATORS);
  }

  private parseValueList(field: FieldNode): ValueNode[] {
    this.skipSpace();
    if (this.peek() !== '(') throw queryError(this.text, this.charSpan(), `expected "(" after ${field.text} in`, 'write in (a, b, c)');
    this.pos += 1;
    const values: ValueNode[] = [];
    for (;;) {
      this.skipSpace();
      values.push(this.readValue(`missing value in the list for ${field.text}`, true));
      this.skipSpace();
      const next = this.peek();
      if (next !== ',' && next !== ')') {
        throw queryError(this.text, this.charSpan(), `expected "," or ")" in the list for ${field.text}`, 'write in (a, b, c)');
      }
      this.pos += 1;
      if (next === ')') return values;
    }
  }

  private parseLast(start: number): TimeNode {
    this.skipSpace();
    const word = this.readWord();
    const match = /^(\d{1,6})([mhd])$/i.exec(word.text);
    const amount = match ? Number(match[1]) : 0;
    if (!match || amount === 0) {
      throw queryError(
        this.text,
        word.text === '' ? this.charSpan() : word.span,
        'expected a duration after "last"',
        'accepted: a positive number with m, h or d, e.g. last 30m, last 24h, last 7d',
      );
    }
    return { kind: 'last', amount, unit: match[2]!.toLowerCase() as TimeUnit, span: { start, end: this.pos } };
  }

  private parseSince(start: number): TimeNode {
    const since = this.readValue('missing date after "since"', false);
    const save = this.pos;
    this.skipSpace();
    const next = this.readWord();
    if (next.text.toLowerCase() === 'until' && !this.operatorFollows()) {
      const until = this.readValue('missing date after "until"', false);
      return { kind: 'since', since, until, span: { start, end: this.pos } };
    }
    this.pos = save;
    return { kind: 'since', since, span: { start, end: this.pos } };
  }

  private parseLimit(keywordSpan: Span): { value: number; span: Span } {
    this.skipSpace();
    const word = this.readWord();
    if (!/^\d+$/.test(word.text) || word.text.length > MAX_LIMIT_DIGITS || Number(word.text) === 0) {
      throw queryError(
        this.text,
        word.text === '' ? this.charSpan() : word.span,
        'expected a row count after "limit"',
        'accepted: a positive whole number, e.g. limit 100',
      );
    }
    return { value: Number(word.text), span: { start: keywordSpan.start, end: this.pos } };
  }

  private parseFieldList(): FieldNode[] {
    const fields: FieldNode[] = [];
    for (;;) {
      this.skipSpace();
      const word = this.readWord();
      if (word.text === '') {
        throw queryError(this.text, this.charSpan(), 'expected a field name after "fields"', 'write fields a,b,c with dotted paths for nested fields');
      }
      fields.push(this.toField(word));
      const save = this.pos;
      this.skipSpace();
      if (this.peek() !== ',') {
        this.pos = save;
        return fields;
      }
      this.pos += 1;
    }
  }

  private toField(word: { text: string; span: Span }): FieldNode {
    if (!FIELD_PATH.test(word.text)) {
      throw queryError(
        this.text,
        word.span,
        'not a valid field name',
        'field names are letters, digits and _ with dots between nested names, e.g. eventName or userIdentity.arn',
      );
    }
    return { path: word.text.split('.'), text: word.text, span: word.span };
  }

  /** A quoted string (straight or Slack's curly quotes), or a bare run of characters. */
  private readValue(missing: string, inList: boolean): ValueNode {
    this.skipSpace();
    const start = this.pos;
    const open = this.peek();
    if (open === '"' || open === '\u201c' || open === '\u201d') return this.readQuoted(start);
    // Outside a list a bare value runs to the next space; inside one, commas and ")" also end it.
    while (!this.atEnd() && !/\s/.test(this.peek()) && !(inList && (this.peek() === ',' || this.peek() === ')'))) this.pos += 1;
    const valueText = this.text.slice(start, this.pos);
    if (valueText === '')
      throw queryError(
        this.text,
        this.charSpan(),
        missing,
        'put the value right after the operator; quote it with "…" when it has spaces, commas or parentheses',
      );
    return { text: valueText, quoted: false, span: { start, end: this.pos } };
  }

  private readQuoted(start: number): ValueNode {
    this.pos += 1;
    let value = '';
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '"' || char === '\u201d' || char === '\u201c') {
        this.pos += 1;
        return { text: value, quoted: true, span: { start, end: this.pos } };
      }
      if (char === '\\' && this.pos + 1 < this.text.length) {
        value += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      value += char;
      this.pos += 1;
    }
    throw queryError(this.text, { start, end: this.pos }, 'unterminated quoted value', 'close it with a matching " (write \\" for a quote inside)');
  }

  private readWord(): { text: string; span: Span } {
    const start = this.pos;
    while (!this.atEnd() && !/\s/.test(this.peek()) && !WORD_STOP.has(this.peek())) this.pos += 1;
    return { text: this.text.slice(start, this.pos), span: { start, end: this.pos } };
  }

  /** True when the next token is an operator: then a keyword-looking word is a field (e.g. `limit=5`). */
  private operatorFollows(): boolean {
    let look = this.pos;
    while (look < this.text.length && /\s/.test(this.text[look]!)) look += 1;
    if (look < this.text.length && OPERATOR_CHARS.includes(this.text[look]!)) return true;
    return /^in\s*\(/i.test(this.text.slice(look));
  }

  private skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.peek())) this.pos += 1;
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private charSpan(): Span {
    return { start: this.pos, end: Math.min(this.pos + 1, this.text.length) };
  }
}
