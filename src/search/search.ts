import type { DateTime } from 'luxon';
import { compileQuery } from './compile-query';
import type { CompileTarget, CompiledQuery } from './compiled-query';
import { parseQuery } from './parse-query';
import { resolveQuery } from './resolve-query';
import type { SearchPlan } from './search-plan';
import type { RunOptions, SearchBackend, SearchResult } from './search-backend';
import { createSearchCatalog, type SearchCatalog } from './search-catalog';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from './search-limits';

export interface SearchOptions {
  catalog?: SearchCatalog;
  limits?: SearchLimits;
  /** When the search runs (the caller's injected clock): relative ranges end here. */
  now: DateTime;
}

/** Query text → a checked plan: parse, resolve against the log types. Throws ProwlError on bad input. */
export function planSearch(text: string, options: SearchOptions): SearchPlan {
  return resolveQuery(parseQuery(text), {
    catalog: options.catalog ?? createSearchCatalog(),
    limits: options.limits ?? DEFAULT_SEARCH_LIMITS,
    now: options.now,
  });
}

/** Query text → SQL for a target: parse, check against the log types, compile. Throws ProwlError on bad input. */
export function compileSearch(text: string, target: CompileTarget, options: SearchOptions): CompiledQuery {
  return compileQuery(planSearch(text, options), target);
}

/** Compiles for the backend's own target and runs it: the one call Slack and the CLI need. */
export async function runSearch(
  text: string,
  backend: SearchBackend,
  options: SearchOptions & RunOptions,
): Promise<{ compiled: CompiledQuery; result: SearchResult }> {
  const compiled = compileSearch(text, backend.target, options);
  const result = await backend.run(compiled, { timeoutMs: options.timeoutMs, maxRows: options.maxRows });
  return { compiled, result };
}
