import { compileQuery } from '../../../src/search/compile-query';
import type { CompileTarget, CompiledQuery } from '../../../src/search/compiled-query';
import { planOf } from './plan';

export const duckDbTarget: CompileTarget = { dialect: 'duckdb', lakeDir: '/lake', partitionExists: () => true };
export const athenaTarget: CompileTarget = { dialect: 'athena', database: 'prowl' };

export function compileFor(dialect: 'duckdb' | 'athena', text: string, target?: CompileTarget): CompiledQuery {
  return compileQuery(planOf(text), target ?? (dialect === 'duckdb' ? duckDbTarget : athenaTarget));
}

/** The parameters after the two p_event_time bounds every search starts with. */
export function filterParams(compiled: CompiledQuery): unknown[] {
  return compiled.params.slice(2);
}
