import { ProwlError } from '../errors';
import type { Span } from './query-ast';

/**
 * A search the user got wrong. The message quotes the offending part and its position, then says
 * what is accepted there, so a Slack reply can be the message alone.
 */
export function queryError(text: string, span: Span, problem: string, accepted?: string): ProwlError {
  const token = text.slice(span.start, span.end);
  const where = token === '' ? 'the end of the query' : `"${token}" (character ${span.start + 1})`;
  const hint = accepted === undefined ? '' : `; ${accepted}`;
  return new ProwlError('prowl_bad_input', `search: ${problem} at ${where}${hint}`);
}

/** A search that is well formed but asks for something not allowed (too long a range, too many rows). */
export function searchRejected(message: string): ProwlError {
  return new ProwlError('prowl_bad_input', `search: ${message}`);
}
