import { cellText } from './cell-text';
import type { SearchResult, SearchValue } from './search-backend';

/** Characters that make a spreadsheet read a cell as a formula (and tab/CR, which some also do). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The whole result as CSV (RFC 4180: CRLF line ends, fields with a quote, comma or line break
 * quoted, quotes doubled). Log values are attacker-controlled — a user agent of
 * `=HYPERLINK(…)` is easy to send — so text cells that a spreadsheet would run as a formula get a
 * leading apostrophe. Numbers are written as they are: -5 is a number, not a formula.
 */
export function formatCsv(result: SearchResult): string {
  const lines = [result.columns.map((name) => csvField(name)), ...result.rows.map((row) => result.columns.map((_, index) => csvField(row[index] ?? null)))];
  return `${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

function csvField(value: SearchValue): string {
  let text = cellText(value);
  if (typeof value !== 'number' && typeof value !== 'boolean' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
