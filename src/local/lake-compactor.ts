import type { DateTime } from 'luxon';
import { compactClosedHours, type CompactionSummary, type CompactionTable, type HourReport } from '../lake/compaction';
import type { LakeStorage } from '../lake/lake-storage';

export interface LakeCompactor {
  /** One pass over the lake now; a pass already running is waited for rather than doubled. */
  runOnce(): Promise<CompactionSummary>;
  stop(): Promise<void>;
}

/** How often `npm start` looks for newly closed hours: hours close once an hour, so a few minutes' delay is invisible. */
export const LOCAL_COMPACTION_INTERVAL_MS = 5 * 60_000;

/**
 * The local stand-in for the scheduled compaction in AWS: `npm start` compacts the closed hours of
 * the lake bucket (in the S3 emulator) on a timer, one pass at a time, one DuckDB thread so the
 * laptop stays responsive.
 */
export function startLakeCompactor(options: {
  storage: LakeStorage;
  tables: readonly CompactionTable[];
  settleMinutes: number;
  now: () => DateTime;
  intervalMs?: number;
  onHour?: (report: HourReport) => void;
  onError?: (error: unknown) => void;
}): LakeCompactor {
  let running: Promise<CompactionSummary> | undefined;
  const runOnce = (): Promise<CompactionSummary> => {
    running ??= compactClosedHours({
      storage: options.storage,
      tables: options.tables,
      now: options.now(),
      settleMinutes: options.settleMinutes,
      threads: 1,
      ...(options.onHour ? { onHour: options.onHour } : {}),
    }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? LOCAL_COMPACTION_INTERVAL_MS);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
