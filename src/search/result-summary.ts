import type { SearchResult } from './search-backend';

/** One line under a result: "42 rows · 1.2 MB scanned · 2.1 s". */
export function summarizeResult(result: SearchResult): string {
  const rows = `${result.rowCount}${result.truncated ? '+' : ''} row${result.rowCount === 1 && !result.truncated ? '' : 's'}`;
  const parts = [rows, `${formatBytes(result.bytesScanned)} scanned`];
  parts.push(result.elapsedMs < 1000 ? `${result.elapsedMs} ms` : `${(result.elapsedMs / 1000).toFixed(1)} s`);
  return parts.join(' · ');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
