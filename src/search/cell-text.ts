import type { SearchValue } from './search-backend';

/** One cell as text: lists as comma-separated items, objects as JSON, missing as empty. */
export function cellText(value: SearchValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((item) => (item !== null && typeof item === 'object' ? JSON.stringify(item) : cellText(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
