import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { asProwlError } from '../src/errors';
import { logger } from '../src/logger';
import type { Metrics } from '../src/metrics';

/**
 * An SQS-triggered handler where each record fails on its own: failures are reported as
 * batchItemFailures, so only they return to the queue (and to the DLQ after maxReceiveCount).
 */
export function sqsBatchHandler(
  name: string,
  handleRecord: (record: SQSRecord) => Promise<unknown>,
  metrics?: () => Promise<Metrics> | Metrics,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord): Promise<unknown> => {
    try {
      return await handleRecord(record);
    } catch (error) {
      const failure = asProwlError(error);
      logger.error(`${name} record failed`, { messageId: record.messageId, code: failure.code, reason: failure.message });
      throw failure;
    }
  };
  return async (event, context) => {
    try {
      return await processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
    } finally {
      // One EMF line per invocation with what the records added up to, even when the batch threw.
      if (metrics) {
        const counted = await metrics();
        counted.captureColdStart();
        counted.flush();
      }
    }
  };
}
