import { allOfPredicates, anyOfPredicates, type EventPredicate } from './selection';
import { DocumentProblem, type DocumentPath } from './sigma-error';

/**
 * Sigma conditions: `and`, `or`, `not`, parentheses, `1 of pattern*`, `all of pattern*`,
 * `1 of them`, `all of them`. Precedence, loosest first: or, and, not. Operators are matched
 * case-insensitively; identifiers as written.
 */
type Node =
  | { kind: 'ref'; name: string; column: number }
  | { kind: 'not'; node: Node }
  | { kind: 'and' | 'or'; nodes: Node[] }
  | { kind: 'of'; quantifier: 'one' | 'all'; pattern: string; column: number };

interface Token {
  text: string;
  column: number;
}

const IDENTIFIER = /^[\w.\-*?]+$/;

function tokenize(condition: string, path: DocumentPath): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(\(|\)|\||[^\s()|]+)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(condition)) !== null && match[1] !== undefined) {
    const text = match[1];
    const column = match.index + match[0].length - text.length + 1;
    if (text === '|') {
      const rest = condition.slice(column).trim();
      if (/^near\b/i.test(rest)) {
        throw new DocumentProblem(
          'unsupported',
          path,
          `"| ${rest}" at column ${column} is not supported: near needs events in time order; use a TypeScript rule`,
        );
      }
      throw new DocumentProblem(
        'unsupported',
        path,
        `aggregation "${condition.slice(column - 1).trim()}" at column ${column} is not supported; write it as a correlation rule (event_count, value_count or temporal) instead`,
      );
    }
    tokens.push({ text, column });
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly condition: string,
    private readonly path: DocumentPath,
  ) {}

  parse(): Node {
    if (this.tokens.length === 0) this.fail('is empty', 1);
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) this.fail(`has "${extra.text}" where an operator (and, or) or the end was expected`, extra.column);
    return node;
  }

  private parseOr(): Node {
    const nodes = [this.parseAnd()];
    while (this.isWord('or')) {
      this.position += 1;
      nodes.push(this.parseAnd());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  }

  private parseAnd(): Node {
    const nodes = [this.parseNot()];
    while (this.isWord('and')) {
      this.position += 1;
      nodes.push(this.parseNot());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  }

  private parseNot(): Node {
    if (this.isWord('not')) {
      this.position += 1;
      return { kind: 'not', node: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const token = this.next('a search identifier, "not", "(", "1 of" or "all of"');
    if (token.text === '(') {
      const node = this.parseOr();
      const close = this.peek();
      if (close?.text !== ')') this.fail(`has "(" at column ${token.column} without a matching ")"`, close?.column ?? this.condition.length + 1);
      this.position += 1;
      return node;
    }
    const word = token.text.toLowerCase();
    if (word === 'near') this.fail('uses "near", which is not supported (it needs events in time order); use a TypeScript rule', token.column, 'unsupported');
    if (this.isWord('of')) {
      if (word !== '1' && word !== 'all') this.fail(`has "${token.text} of"; only "1 of" and "all of" are accepted`, token.column);
      this.position += 1;
      const target = this.next('a search identifier pattern or "them" after "of"');
      if (!IDENTIFIER.test(target.text)) this.fail(`has "${target.text}" after "of"; expected a search identifier pattern or "them"`, target.column);
      return { kind: 'of', quantifier: word === '1' ? 'one' : 'all', pattern: target.text, column: target.column };
    }
    if (['and', 'or', 'not', 'of', 'them', ')'].includes(word) || !IDENTIFIER.test(token.text)) {
      this.fail(`has "${token.text}" where a search identifier was expected`, token.column);
    }
    if (/[*?]/.test(token.text)) this.fail(`has the pattern "${token.text}" on its own; patterns go after "1 of" or "all of"`, token.column);
    return { kind: 'ref', name: token.text, column: token.column };
  }

  private isWord(word: string): boolean {
    return this.peek()?.text.toLowerCase() === word;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.position];
    if (!token) this.fail(`ends early; expected ${expected}`, this.condition.length + 1);
    this.position += 1;
    return token;
  }

  fail(message: string, column: number, kind: 'condition' | 'unsupported' = 'condition'): never {
    throw new DocumentProblem(kind, this.path, `condition "${this.condition}" ${message} (column ${column})`);
  }
}

function globToRegex(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\-]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

/**
 * Parses a condition and binds it to the compiled search identifiers. Every identifier and pattern
 * must name at least one search identifier, so a typo is a load error and not a rule that never fires.
 */
export function compileCondition(condition: string, searches: ReadonlyMap<string, EventPredicate>, path: DocumentPath): EventPredicate {
  // Typed explicitly so TypeScript narrows after `parser.fail(...)`, which never returns.
  const parser: Parser = new Parser(tokenize(condition, path), condition, path);
  const tree = parser.parse();
  const defined = [...searches.keys()];

  const build = (node: Node): EventPredicate => {
    switch (node.kind) {
      case 'ref': {
        const search = searches.get(node.name);
        if (!search) parser.fail(`names "${node.name}", which is not a search identifier; defined: ${defined.join(', ')}`, node.column);
        return search;
      }
      case 'not': {
        const inner = build(node.node);
        return (event) => !inner(event);
      }
      case 'and':
        return allOfPredicates(node.nodes.map(build));
      case 'or':
        return anyOfPredicates(node.nodes.map(build));
      case 'of': {
        // `them` leaves out identifiers starting with `_`, as the Sigma specification says.
        const names =
          node.pattern.toLowerCase() === 'them'
            ? defined.filter((name) => !name.startsWith('_'))
            : defined.filter((name) => globToRegex(node.pattern).test(name));
        if (names.length === 0) parser.fail(`has "${node.pattern}", which matches no search identifier; defined: ${defined.join(', ')}`, node.column);
        const predicates = names.map((name) => searches.get(name)!);
        return node.quantifier === 'one' ? anyOfPredicates(predicates) : allOfPredicates(predicates);
      }
    }
  };
  return build(tree);
}
