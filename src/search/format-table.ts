import { ProwlError } from '../errors';
import { cellText } from './cell-text';
import type { SearchResult } from './search-backend';

export interface TableOptions {
  /** Columns to show, in this order; all when absent. */
  fields?: readonly string[];
  /** Rows to show; the rest are counted, not shown. */
  maxRows?: number;
  /** Longer cells are cut with "…". */
  maxCellWidth?: number;
}

/**
 * A compact fixed-width table of the first rows, for a Slack code block or a terminal. Cells are
 * made safe for both: control characters become spaces and backticks become quotes, so no value
 * can end the code block it is shown in or break the layout.
 */
export function formatTextTable(result: SearchResult, options: TableOptions = {}): string {
  const maxRows = options.maxRows ?? 20;
  const maxCellWidth = Math.max(options.maxCellWidth ?? 40, 2);
  const indexes = (options.fields ?? result.columns).map((field) => {
    const index = result.columns.indexOf(field);
    if (index === -1) throw new ProwlError('prowl_bad_input', `search: the result has no column "${field}"; it has ${result.columns.join(', ')}`);
    return index;
  });
  const fit = (text: string): string => {
    const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/`/g, "'");
    return clean.length > maxCellWidth ? `${clean.slice(0, maxCellWidth - 1)}…` : clean;
  };
  const header = indexes.map((index) => fit(result.columns[index]!));
  const body = result.rows.slice(0, maxRows).map((row) => indexes.map((index) => fit(cellText(row[index] ?? null))));
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)];
  if (body.length === 0) lines.push('(no rows)');
  const hidden = result.rows.length - body.length;
  if (hidden > 0 || result.truncated)
    lines.push(`… ${hidden > 0 ? `${hidden} more row${hidden === 1 ? '' : 's'}` : 'more rows'}${result.truncated ? ' (result cut at the row limit)' : ''}`);
  return lines.join('\n');
}
