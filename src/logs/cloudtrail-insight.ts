import { z } from 'zod';
import type { LogType } from './log-type';
import { isoTimeSchema } from './time';

/**
 * CloudTrail Insights events: CloudTrail's own notice that the rate of calls to one API (or of
 * its errors) left the account's baseline, written as a `Start` event and, when it ends, an `End`
 * event sharing its `sharedEventID`. Delivered beside the trail's logs (under `CloudTrail-Insight/`,
 * `{"Records":[…]}`) and on EventBridge as `AWS Insight via CloudTrail`. Field names as CloudTrail
 * writes them.
 */
const optionalString = z.string().nullish();
const average = z.object({ average: z.number().nullish() }).loose();

export const cloudTrailInsightEventSchema = z
  .object({
    eventVersion: optionalString,
    eventTime: isoTimeSchema(),
    awsRegion: z.string().min(1),
    eventID: z.string().min(1),
    eventType: z.literal('AwsCloudTrailInsight', { error: 'expected eventType "AwsCloudTrailInsight"' }),
    recipientAccountId: optionalString,
    sharedEventID: optionalString,
    eventCategory: optionalString,
    insightDetails: z
      .object({
        state: z.string().min(1),
        eventSource: z.string().min(1),
        eventName: z.string().min(1),
        insightType: z.string().min(1),
        /** Set on ApiErrorRateInsight events: the error whose rate changed. */
        errorCode: optionalString,
        insightContext: z
          .object({
            statistics: z
              .object({
                baseline: average.nullish(),
                insight: average.nullish(),
                insightDuration: z.number().nullish(),
                baselineDuration: z.number().nullish(),
              })
              .loose()
              .nullish(),
            /** Who and what drove the change (user identities, user agents, error codes), free-form. */
            attributions: z.array(z.record(z.string(), z.unknown())).nullish(),
          })
          .loose()
          .nullish(),
      })
      .loose(),
  })
  .loose();

export type CloudTrailInsightEvent = z.infer<typeof cloudTrailInsightEventSchema>;

/** EventBridge's `AWS Insight via CloudTrail` envelope; anything else is judged as it is. */
function unwrapInsightEnvelope(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const envelope = value as { 'detail-type'?: unknown; detail?: unknown };
  return envelope['detail-type'] === 'AWS Insight via CloudTrail' && typeof envelope.detail === 'object' ? envelope.detail : value;
}

export const cloudTrailInsight: LogType<CloudTrailInsightEvent> = {
  name: 'AWS.CloudTrailInsight',
  schema: cloudTrailInsightEventSchema,
  framing: { kind: 'json', unwrap: unwrapInsightEnvelope },
  detect: true,
  eventTime: (event) => event.eventTime,
  indicators(event, found) {
    found.account(event.recipientAccountId);
    // Panther v1 declares sharedEventID its trace id: it ties an insight's Start to its End.
    found.traceId(event.sharedEventID);
  },
};

/** Verbs of AWS APIs that change something; reads (Get, List, Describe…) are everything else. */
const WRITE_VERB =
  /^(Create|Put|Delete|Update|Attach|Detach|Add|Remove|Set|Upload|Enable|Disable|Change|Reset|Tag|Untag|Deactivate|Schedule|Copy|Restore|Replicate|Modify|Associate|Disassociate|Import|Revoke)/;

/** True when the API an insight is about changes state (CreateAccessKey, PutObject, DeleteBucket…). */
export function isWriteApiName(eventName: string | null | undefined): boolean {
  return typeof eventName === 'string' && WRITE_VERB.test(eventName);
}

/** "43.4/min against a baseline of 0.01/min", or "" when the statistics are missing. */
export function insightRate(event: CloudTrailInsightEvent): string {
  const statistics = event.insightDetails.insightContext?.statistics;
  const insight = statistics?.insight?.average;
  const baseline = statistics?.baseline?.average;
  if (typeof insight !== 'number' || typeof baseline !== 'number') return '';
  return `${insight.toFixed(1)}/min against a baseline of ${baseline.toFixed(2)}/min`;
}
