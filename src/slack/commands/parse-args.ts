import { ProwlError } from '../../errors';

const IDENTIFIER = /^[A-Za-z0-9._:*-]{1,200}$/;

/** Splits on spaces, keeping "quoted phrases" together (also after `key=`). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /(\S*?)"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) tokens.push(match[3] ?? `${match[1]}${match[2]}`);
  return tokens;
}

/** A command written wrong: what was wrong, then how it is written. */
export function misuse(usage: string, problem: string): ProwlError {
  return new ProwlError('prowl_bad_command', `${problem}\nUsage: ${usage}`);
}

export function identifier(usage: string, what: string, value: string | undefined): string {
  if (!value) throw misuse(usage, `${what} is missing.`);
  if (!IDENTIFIER.test(value)) throw misuse(usage, `"${value.slice(0, 40)}" is not ${what} (letters, digits and . _ : - only).`);
  return value;
}

/** An alert as people name it: its short number (`42` or `#42`, read as `#42`) or its full id. */
export function alertReference(usage: string, value: string | undefined): string {
  const number = value === undefined ? null : /^#?(\d{1,9})$/.exec(value);
  if (number) return `#${Number(number[1])}`;
  return identifier(usage, 'an alert id', value);
}
