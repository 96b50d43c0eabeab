import { DeleteMessageBatchCommand, ReceiveMessageCommand, GetQueueAttributesCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './lambda-context';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface EventSourceMapping {
  functionName: string;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  timeoutSeconds: number;
  handler: SqsHandler;
}

export interface InvocationReport {
  functionName: string;
  records: number;
  failed: number;
  error?: string;
}

/** Builds the SQS event Lambda would deliver for these messages. */
function toEvent(messages: Message[], mapping: EventSourceMapping, region: string): SQSEvent {
  return {
    Records: messages.map(
      (message): SQSRecord => ({
        messageId: message.MessageId!,
        receiptHandle: message.ReceiptHandle!,
        body: message.Body ?? '',
        attributes: {
          ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: message.Attributes?.SenderId ?? 'local',
          ApproximateFirstReceiveTimestamp: message.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: message.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: mapping.queueArn,
        awsRegion: region,
      }),
    ),
  };
}

/**
 * What Lambda's SQS event source does, on a laptop: polls each queue, hands batches to the same
 * handler function Lambda calls, deletes what succeeded and leaves what failed (reported in
 * batchItemFailures, or the whole batch when the handler throws). Failed messages come back after
 * the queue's visibility timeout and move to the DLQ after maxReceiveCount; the emulator does that.
 */
export class EventSourceRunner {
  private running = false;
  private inFlight = 0;
  /** Invocations finished so far: how idle() tells a queue that moves from one that is stuck. */
  private invocations = 0;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly sqs: SQSClient,
    private readonly mappings: EventSourceMapping[],
    private readonly region: string,
    private readonly onInvocation: (report: InvocationReport) => void = () => undefined,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.mappings.map((mapping) => this.poll(mapping));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async poll(mapping: EventSourceMapping): Promise<void> {
    while (this.running) {
      let messages: Message[] = [];
      try {
        const result = await this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: mapping.queueUrl,
            MaxNumberOfMessages: Math.min(mapping.batchSize, 10),
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
          }),
        );
        messages = result.Messages ?? [];
      } catch (error) {
        if (!this.running) return;
        this.onInvocation({ functionName: mapping.functionName, records: 0, failed: 0, error: `receive failed: ${(error as Error).message}` });
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      if (messages.length === 0) continue;
      this.inFlight += 1;
      try {
        await this.invoke(mapping, messages);
      } finally {
        this.inFlight -= 1;
      }
    }
  }

  private async invoke(mapping: EventSourceMapping, messages: Message[]): Promise<void> {
    const event = toEvent(messages, mapping, this.region);
    let failedIds: Set<string>;
    let error: string | undefined;
    try {
      const response = await mapping.handler(event, lambdaContext(mapping));
      failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (thrown) {
      failedIds = new Set(event.Records.map((record) => record.messageId));
      error = (thrown as Error).message;
    }
    const succeeded = event.Records.filter((record) => !failedIds.has(record.messageId));
    if (succeeded.length > 0) {
      await this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: mapping.queueUrl,
          Entries: succeeded.map((record, i) => ({ Id: String(i), ReceiptHandle: record.receiptHandle })),
        }),
      );
    }
    this.invocations += 1;
    this.onInvocation({ functionName: mapping.functionName, records: event.Records.length, failed: failedIds.size, ...(error ? { error } : {}) });
  }

  /** Messages waiting to be received (visible or delayed) and being processed or waiting to retry (not visible). */
  async backlog(): Promise<{ visible: number; notVisible: number; inFlight: number }> {
    let visible = 0;
    let notVisible = 0;
    for (const mapping of this.mappings) {
      const { Attributes } = await this.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: mapping.queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
        }),
      );
      // A delayed message (a debounced update) is work still to come, like a visible one.
      visible += Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesDelayed ?? 0);
      notVisible += Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    }
    return { visible, notVisible, inFlight: this.inFlight };
  }

  /**
   * Resolves once nothing is waiting and nothing is being handled, seen twice in a row (a handler
   * may enqueue for the next stage just as it finishes). Messages that failed and wait out their
   * visibility timeout do not hold it up; `waitForRetries` makes it wait for those too.
   * `timeoutMs` bounds the whole wait; `stallMs` instead bounds a wait in which nothing moves, so
   * a large object that keeps a handler busy for minutes is waited for, and a stuck queue is not.
   */
  async idle(options: { timeoutMs?: number; stallMs?: number; waitForRetries?: boolean } = {}): Promise<{ retrying: number }> {
    const limitMs = options.stallMs ?? options.timeoutMs ?? 60_000;
    let deadline = performance.now() + limitMs;
    let quietChecks = 0;
    let last = '';
    for (;;) {
      const { visible, notVisible, inFlight } = await this.backlog();
      const pendingRetries = options.waitForRetries ? notVisible : 0;
      quietChecks = visible === 0 && inFlight === 0 && pendingRetries === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) return { retrying: notVisible };
      const state = `${visible}/${notVisible}/${this.invocations}`;
      if (options.stallMs !== undefined && (inFlight > 0 || state !== last)) deadline = performance.now() + limitMs;
      last = state;
      if (performance.now() > deadline)
        throw new Error(
          `queues still busy after ${limitMs} ms${options.stallMs === undefined ? '' : ' without progress'} (visible ${visible}, in flight ${inFlight}, retrying ${notVisible})`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
