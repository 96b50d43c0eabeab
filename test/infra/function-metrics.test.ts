import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { sqsBatchHandler } from '../../handlers/sqs-batch';
import { ProwlError } from '../../src/errors';
import { functionMetrics } from '../../src/metrics';
import { emfDocuments, stdoutWrites } from '../helpers/stdout-writes';

function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map(
      (body, i) => ({ messageId: `m-${i}`, body, eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:111122223333:prowl-ingest' }) as SQSRecord,
    ),
  };
}

const context = { functionName: 'prowl-prod-ingest', awsRequestId: 'r-1' } as Context;

describe('metrics for a function', () => {
  it('write nothing where metrics are off (the laptop), and EMF with stage and function in AWS', async () => {
    const writes = await stdoutWrites(() => {
      const off = functionMetrics({ stage: 'local', metrics: false }, 'ingest');
      off.add('EventsParsed', 5);
      off.captureColdStart();
      off.flush();
      const on = functionMetrics({ stage: 'prod', metrics: true }, 'ingest');
      on.add('EventsParsed', 5);
      on.flush();
    });
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!)).toMatchObject({ Stage: 'prod', Function: 'ingest', EventsParsed: 5 });
  });

  it('flush once per SQS invocation with what that batch added up to, failed records included', async () => {
    const metrics = functionMetrics({ stage: 'prod', metrics: true }, 'ingest');
    const handler = sqsBatchHandler(
      'ingest',
      async (record) => {
        metrics.add('EventsParsed', Number(record.body));
        if (record.body === '0') throw new ProwlError('prowl_bad_input', 'an empty object');
      },
      () => metrics,
    );

    const responses: unknown[] = [];
    const documents = emfDocuments(
      await stdoutWrites(async () => {
        responses.push(await handler(sqsEvent(['3', '4', '0']), context));
        responses.push(await handler(sqsEvent(['10']), context));
      }),
    );

    expect(responses).toEqual([{ batchItemFailures: [{ itemIdentifier: 'm-2' }] }, { batchItemFailures: [] }]);
    expect(documents.map((doc) => doc['EventsParsed'])).toEqual([7, 10]);
  });
});
