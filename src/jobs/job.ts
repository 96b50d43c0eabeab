import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { rescanTargetSchema } from '../scan/rescan-target';

/** Where a job's answer goes: a Slack channel (and the person who asked), or the terminal. */
const replyTo = z.object({ channel: z.string().min(1), user: z.string().min(1), threadTs: z.string().optional() });

/** Slow work that must not hold up Slack's 3-second acknowledgement. */
export const jobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('search'), query: z.string().min(1).max(2000), replyTo }),
  z.object({ type: z.literal('show-events'), alertId: z.string().min(1), replyTo }),
  z.object({ type: z.literal('sql'), sql: z.string().min(1).max(20_000), replyTo }),
  z.object({
    type: z.literal('scan'),
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    resourceType: z.string().min(1).optional(),
    replyTo,
  }),
  /** Today's digest posted now (an admin's `/prowl digest`), once per channel and day as the scheduled run. */
  z.object({ type: z.literal('digest'), replyTo }),
  /** One resource CloudTrail showed changing, queued by ingest (src/scan/rescan-requests.ts); nobody to reply to. */
  z.object({ type: z.literal('rescan'), target: rescanTargetSchema }),
]);

export type Job = z.infer<typeof jobSchema>;

/** Jobs someone in Slack asked for, answered where they asked. */
export type AskedJob = Exclude<Job, { type: 'rescan' }>;

export interface JobQueue {
  send(job: Job): Promise<void>;
}

export function sqsJobQueue(options: { sqs: SQSClient; queueUrl: string }): JobQueue {
  return {
    async send(job) {
      await options.sqs.send(new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: JSON.stringify(jobSchema.parse(job)) }));
    },
  };
}
