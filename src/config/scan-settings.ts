import { z } from 'zod';

/**
 * `scan.realTime` in prowl.config.yml: re-scanning a resource when CloudTrail shows it changed.
 * Kept apart from the rest of the configuration (and from the scan plan's accounts) so each can
 * change without the other.
 */
export const realTimeScanSchema = z
  .strictObject({
    /** Re-scan a resource when a CloudTrail event (from a log file or EventBridge) changes it. */
    enabled: z.boolean().default(true),
    /** A burst of changes to one resource within this window is one re-scan, run when the window ends. */
    debounceSeconds: z.number().int().min(1, 'at least 1 second').max(600, 'at most 600 seconds (SQS delays messages at most 15 minutes)').default(60),
  })
  .prefault({});

export type RealTimeScanSettings = z.infer<typeof realTimeScanSchema>;
