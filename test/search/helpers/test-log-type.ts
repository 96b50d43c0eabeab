import { z } from 'zod';
import type { LogType } from '../../../src/logs/log-type';

/**
 * A log type the search code has never seen, with one field of every kind: proof that a new type
 * is searchable from its schema alone.
 */
export const testFlowSchema = z
  .object({
    srcAddr: z.string().nullish(),
    dstPort: z.number().int().nullish(),
    bytes: z.number().nullish(),
    accepted: z.boolean().nullish(),
    startTime: z.iso.datetime({ offset: true }),
    action: z.enum(['ACCEPT', 'REJECT']),
    tags: z.array(z.string()).nullish(),
    hops: z.array(z.object({ host: z.string() })).nullish(),
    detail: z.record(z.string(), z.unknown()).nullish(),
    peer: z.object({ name: z.string(), region: z.string().optional() }).loose().nullish(),
    mixed: z.union([z.string(), z.number()]).nullish(),
  })
  .loose();

export const testFlow: LogType<z.infer<typeof testFlowSchema>> = {
  name: 'Test.Flow',
  schema: testFlowSchema,
  framing: { kind: 'json' },
  detect: false,
  eventTime: (event) => event.startTime,
  indicators(event, found) {
    found.ip(event.srcAddr);
  },
};
