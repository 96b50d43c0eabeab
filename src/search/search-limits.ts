import { z } from 'zod';

/**
 * Bounds on what one search may ask for. The config module reads these from configuration; search
 * only validates and applies them.
 */
export const searchLimitsSchema = z
  .object({
    /** Longest time range one search may cover; longer ones are rejected, never silently cut. */
    maxRangeHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 400)
      .default(24 * 30),
    /** Range used when a search names none. */
    defaultRangeHours: z.number().int().min(1).default(24),
    /** Rows returned when a search has no `limit`. */
    defaultLimit: z.number().int().min(1).default(1000),
    /** Largest `limit` accepted. */
    maxLimit: z.number().int().min(1).max(1_000_000).default(10_000),
  })
  .strict()
  .refine((limits) => limits.defaultRangeHours <= limits.maxRangeHours, {
    message: 'defaultRangeHours must not exceed maxRangeHours',
    path: ['defaultRangeHours'],
  })
  .refine((limits) => limits.defaultLimit <= limits.maxLimit, { message: 'defaultLimit must not exceed maxLimit', path: ['defaultLimit'] });

export type SearchLimits = z.infer<typeof searchLimitsSchema>;

export const DEFAULT_SEARCH_LIMITS: SearchLimits = searchLimitsSchema.parse({});
