import { isProwlError } from '../../src/errors';
import type { AthenaCompaction, CompactionRun, HourOutcome } from '../../src/lake/athena-compaction';
import { compactedTables, runScheduledCompaction } from '../../src/lake/compaction-schedule';

/** A compaction whose run answers with the given outcomes and remembers what it was asked. */
function compactionAnswering(outcomes: HourOutcome[]): AthenaCompaction & { runs: CompactionRun[] } {
  const runs: CompactionRun[] = [];
  return {
    runs,
    compactHour: async () => outcomes[0]!,
    compactClosedHours: async (run) => (runs.push(run), outcomes),
  };
}

const hour = '2026-11-22T10:00:00.000Z';
const noWarnings = (): void => undefined;

describe('the scheduled compaction run', () => {
  it("takes its settle time and lookback from the schedule's input and sums up what it did", async () => {
    const compaction = compactionAnswering([
      { table: 'aws_cloudtrail', hour, status: 'compacted', sources: 12, bytesScanned: 1000 },
      { table: 'aws_vpcflow', hour, status: 'compacted', sources: 3, bytesScanned: 500 },
      { table: 'aws_alb', hour, status: 'current' },
      { table: 'aws_alb', hour, status: 'deferred' },
    ]);
    const summary = await runScheduledCompaction(compaction, { settleMinutes: '20', lookbackHours: 48 }, () => false, noWarnings);
    expect(compaction.runs[0]).toMatchObject({ settleMinutes: 20, lookbackHours: 48 });
    expect(summary).toEqual({ compacted: 2, current: 1, deferred: 1, sourcesExpired: 0, failed: 0, bytesScanned: 1500 });
  });

  it('refuses an event without the settings, saying what it expects', async () => {
    const run = runScheduledCompaction(compactionAnswering([]), { settleMinutes: -5 }, () => false, noWarnings);
    await expect(run).rejects.toThrow(/settleMinutes.*lookbackHours/s);
    await run.catch((error: unknown) => expect(isProwlError(error) && error.code).toBe('prowl_bad_input'));
  });

  it('fails the invocation when an hour failed, naming it, so the alarm fires and Lambda retries the run', async () => {
    const compaction = compactionAnswering([
      { table: 'aws_cloudtrail', hour, status: 'failed', error: 'HIVE_BAD_DATA' },
      { table: 'aws_alb', hour, status: 'compacted', sources: 1, bytesScanned: 1 },
    ]);
    await expect(runScheduledCompaction(compaction, { settleMinutes: 15, lookbackHours: 3 }, () => false, noWarnings)).rejects.toThrow(
      `1 hour(s) could not be compacted (their JSON is still searched): aws_cloudtrail ${hour}: HIVE_BAD_DATA`,
    );
  });

  it('warns about a compacted hour whose JSON has expired, without failing', async () => {
    const warnings: unknown[] = [];
    const compaction = compactionAnswering([{ table: 'aws_cloudtrail', hour, status: 'sources-expired' }]);
    const summary = await runScheduledCompaction(
      compaction,
      { settleMinutes: 15, lookbackHours: 3 },
      () => false,
      (message, detail) => warnings.push({ message, detail }),
    );
    expect(summary.sourcesExpired).toBe(1);
    expect(warnings).toEqual([{ message: expect.stringMatching(/expired/), detail: { table: 'aws_cloudtrail', hour } }]);
  });

  it('compacts every built-in log type, each of which has a Parquet table', () => {
    expect(compactedTables()).toEqual(expect.arrayContaining(['aws_cloudtrail', 'aws_vpcflow', 'aws_guardduty']));
  });
});
