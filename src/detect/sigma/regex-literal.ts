/** Escapes that stand for the character itself. */
const ESCAPED_LITERAL = /[\\^$.*+?()[\]{}|/\-,:=!<>'"#%&@`~ ]/;
/** Escapes that stand for a class of characters (or a position): they end a literal run. */
const ESCAPED_CLASS = /[dDwWsSbB]/;
const QUANTIFIER_RANGE = /^\{\d+(,\d*)?\}/;
/** Shorter literals filter too little to be worth the check. */
const MIN_LITERAL = 3;

/**
 * The longest run of plain characters every match of a regular expression must contain, or
 * undefined when that is not certain. Conservative: an alternation anywhere, or an escape it does
 * not know, gives up; nothing inside a group counts (the group may be optional), and a quantified
 * character ends the run. A cheap `includes` on this literal lets most values skip the regex.
 */
export function requiredLiteral(source: string): string | undefined {
  if (source.includes('|')) return undefined;
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const endRun = (): void => {
    runs.push(run);
    run = '';
  };
  const quantified = (): void => {
    // The quantifier binds to the last character only: the run before it is still required.
    if (depth === 0 && run.length > 0) run = run.slice(0, -1);
    endRun();
  };
  for (let i = 0; i < source.length; ) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      i += 2;
      if (ESCAPED_LITERAL.test(next)) {
        if (depth === 0) run += next;
      } else if (ESCAPED_CLASS.test(next)) {
        endRun();
      } else {
        return undefined;
      }
    } else if (char === '[') {
      endRun();
      i += 1;
      if (source[i] === ']') i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      if (i >= source.length) return undefined;
      i += 1;
    } else if (char === '(') {
      depth += 1;
      endRun();
      i += 1;
    } else if (char === ')') {
      depth -= 1;
      endRun();
      i += 1;
    } else if (char === '*' || char === '+' || char === '?') {
      quantified();
      i += 1;
      if (source[i] === '?') i += 1;
    } else if (char === '{' && QUANTIFIER_RANGE.test(source.slice(i))) {
      quantified();
      i += QUANTIFIER_RANGE.exec(source.slice(i))![0].length;
      if (source[i] === '?') i += 1;
    } else if (char === '.' || char === '^' || char === '$') {
      endRun();
      i += 1;
    } else {
      if (depth === 0) run += char;
      i += 1;
    }
  }
  if (depth !== 0) return undefined;
  endRun();
  const longest = runs.reduce((best, one) => (one.length > best.length ? one : best), '');
  return longest.length >= MIN_LITERAL ? longest : undefined;
}
