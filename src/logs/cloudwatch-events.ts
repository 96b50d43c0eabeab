import { z } from 'zod';
import type { LogType } from './log-type';
import { payloadIndicators } from './payload-indicators';
import { isoTimeSchema } from './time';

/**
 * Any EventBridge (formerly CloudWatch Events) event, kept whole: the envelope's fields as
 * EventBridge writes them and `detail` as the service sent it. Types that know an event better
 * (CloudTrail API calls, GuardDuty findings, CloudTrail Insights) claim theirs first; this one
 * takes the rest (see `fallback`), so no event on the bus is quarantined for being unfamiliar.
 */
/**
 * Detail-types a specific type unwraps: such an event that the specific type refused is broken
 * (a finding without a severity), and is quarantined with that type's reason rather than kept
 * here as if it were any event.
 */
const CLAIMED_DETAIL_TYPE = /^(?!GuardDuty Finding$)(?!.* via CloudTrail$)./;

export const cloudWatchEventSchema = z
  .object({
    version: z.string(),
    id: z.string().min(1),
    'detail-type': z
      .string()
      .regex(
        CLAIMED_DETAIL_TYPE,
        'expected a detail-type that no specific log type reads (CloudTrail and GuardDuty events must validate as AWS.CloudTrail, AWS.CloudTrailInsight or AWS.GuardDuty)',
      ),
    source: z.string().min(1),
    account: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
    time: isoTimeSchema(),
    region: z.string().min(1),
    resources: z.array(z.string()),
    detail: z.record(z.string(), z.unknown()),
  })
  .loose();

export type CloudWatchEvent = z.infer<typeof cloudWatchEventSchema>;

export const cloudWatchEvents: LogType<CloudWatchEvent> = {
  name: 'AWS.CloudWatchEvents',
  schema: cloudWatchEventSchema,
  framing: { kind: 'json' },
  detect: true,
  fallback: true,
  eventTime: (event) => event.time,
  indicators(event, found) {
    found.account(event.account);
    for (const resource of event.resources) found.arn(resource);
    payloadIndicators(found, event.detail);
  },
};
