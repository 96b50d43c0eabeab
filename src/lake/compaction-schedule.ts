import { z } from 'zod';
import { describeIssues } from '../config/zod-issues';
import { ProwlError } from '../errors';
import { tableName } from '../logs/log-type';
import { builtInLogTypes } from '../logs/registry';
import type { AthenaCompaction, HourOutcome } from './athena-compaction';

/**
 * The scheduled compaction's input: what serverless.yml's schedule passes (its `input`), or what
 * someone invoking the function by hand passes to backfill (`{"lookbackHours": 720}`).
 */
export const compactionInputSchema = z.object({
  /** Minutes after an hour ends before it is compacted, for late-arriving objects. */
  settleMinutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** Closed hours looked at each run: new ones, and compacted ones that got late files. */
  lookbackHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90),
});
export type CompactionInput = z.infer<typeof compactionInputSchema>;

/**
 * The tables compacted in AWS: the built-in log types, which infra/glue.yml gives both a JSON
 * table and a `<table>_parquet` one. A custom log type's JSON is searched as it is.
 */
export function compactedTables(): string[] {
  return builtInLogTypes.all().map((logType) => tableName(logType.name));
}

export interface CompactionSummary {
  compacted: number;
  current: number;
  deferred: number;
  sourcesExpired: number;
  failed: number;
  bytesScanned: number;
}

/**
 * One scheduled run: compact what is due, then fail the invocation if any hour failed, so the
 * error alarm fires and Lambda retries the run (it skips hours already done). Hours left for
 * lack of time are not a failure: the next run starts with them.
 */
export async function runScheduledCompaction(
  compaction: AthenaCompaction,
  input: unknown,
  outOfTime: () => boolean,
  warn: (message: string, detail: Record<string, unknown>) => void,
): Promise<CompactionSummary> {
  const parsed = compactionInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ProwlError(
      'prowl_bad_input',
      `compact: the event should be {"settleMinutes": <minutes>, "lookbackHours": <hours>}:\n${describeIssues(parsed.error)}`,
    );
  }
  const outcomes = await compaction.compactClosedHours({ ...parsed.data, outOfTime });
  for (const outcome of outcomes) {
    if (outcome.status === 'sources-expired') {
      warn('compaction: JSON files of a compacted hour have expired; its Parquet is kept as it is', { table: outcome.table, hour: outcome.hour });
    }
  }
  const summary = summarize(outcomes);
  const failed = outcomes.filter((outcome): outcome is Extract<HourOutcome, { status: 'failed' }> => outcome.status === 'failed');
  if (failed.length > 0) {
    const examples = failed.slice(0, 3).map((outcome) => `${outcome.table} ${outcome.hour}: ${outcome.error}`);
    throw new ProwlError('prowl_internal', `compact: ${failed.length} hour(s) could not be compacted (their JSON is still searched): ${examples.join('; ')}`);
  }
  return summary;
}

function summarize(outcomes: readonly HourOutcome[]): CompactionSummary {
  const count = (status: HourOutcome['status']): number => outcomes.filter((outcome) => outcome.status === status).length;
  return {
    compacted: count('compacted'),
    current: count('current'),
    deferred: count('deferred'),
    sourcesExpired: count('sources-expired'),
    failed: count('failed'),
    bytesScanned: outcomes.reduce((sum, outcome) => sum + (outcome.status === 'compacted' ? outcome.bytesScanned : 0), 0),
  };
}
