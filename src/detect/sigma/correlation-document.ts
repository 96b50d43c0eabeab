import { z } from 'zod';
import { SIGMA_LEVELS, SIGMA_STATUSES } from './rule-document';

export const CORRELATION_TYPES = ['event_count', 'value_count', 'temporal', 'temporal_ordered'] as const;

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const count = z.number().int().nonnegative();

/** A Sigma correlation rule (the correlation specification, v2): the fields Prowl reads. */
export const correlationDocumentSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
    id: z.string().trim().min(1).optional(),
    name: z.string().trim().min(1).optional(),
    status: z.enum(SIGMA_STATUSES).optional(),
    description: z.string().optional(),
    author: z.string().optional(),
    license: z.string().optional(),
    references: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    falsepositives: oneOrMany.optional(),
    level: z.enum(SIGMA_LEVELS).optional(),
    generate: z.boolean().optional(),
    correlation: z.object({
      type: z.enum(CORRELATION_TYPES, { error: `must be one of ${CORRELATION_TYPES.join(', ')}` }),
      rules: oneOrMany,
      'group-by': oneOrMany.optional(),
      timespan: z.string().regex(/^\d+[smhd]$/, 'must be a number and a unit: 30s, 5m, 1h or 2d'),
      condition: z
        .object({
          gt: count.optional(),
          gte: count.optional(),
          lt: count.optional(),
          lte: count.optional(),
          eq: count.optional(),
          field: z.string().min(1).optional(),
        })
        .strict()
        .optional(),
      aliases: z.record(z.string(), z.record(z.string(), z.string().min(1))).optional(),
    }),
  })
  .loose();

export type CorrelationDocument = z.infer<typeof correlationDocumentSchema>;
