import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { LocalStack } from '../../src/local/local-stack';
import { objectsInNotification } from '../../src/ingest/s3-notification';
import { startTestStack } from '../helpers/local-stack';
import { interceptSlack } from '../helpers/slack-api';

function notificationFor(bucket: string, key: string): string {
  return JSON.stringify({
    Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucket }, object: { key, size: 10, eTag: 'e' } } }],
  });
}

describe('an S3 notification whose key is not URL-encoded', () => {
  it('is rejected as bad input that names the key', () => {
    expect(() => objectsInNotification(JSON.parse(notificationFor('raw', 'AWSLogs/%zz.json.gz')))).toThrow(
      expect.objectContaining({ code: 'prowl_bad_input', message: expect.stringContaining('"AWSLogs/%zz.json.gz"') }),
    );
  });

  describe('sent to the ingest queue', () => {
    let stack: LocalStack;
    let slack: ReturnType<typeof interceptSlack>;
    beforeAll(async () => {
      slack = interceptSlack();
      stack = await startTestStack();
    });
    afterAll(async () => {
      await stack.stop();
      slack.done();
    });

    it('fails its record with prowl_bad_input and the key in the log, not as an internal error', async () => {
      const written: string[] = [];
      const capture = (chunk: string | Uint8Array): boolean => written.push(String(chunk)) > 0;
      // The logger writes errors to stderr and the rest to stdout.
      const spies = [jest.spyOn(process.stdout, 'write').mockImplementation(capture), jest.spyOn(process.stderr, 'write').mockImplementation(capture)];
      try {
        await stack.clients.sqs.send(
          new SendMessageCommand({
            QueueUrl: stack.provisioned.queues['IngestQueue']!.url,
            MessageBody: notificationFor(stack.runtime.buckets.raw, 'AWSLogs/bad%E0%A4%A.json.gz'),
          }),
        );
        await stack.runner.idle();
      } finally {
        spies.forEach((spy) => spy.mockRestore());
      }
      const failure = written
        .map((line) => line.trim())
        .filter((line) => line.includes('ingest record failed'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(failure[0]).toMatchObject({ code: 'prowl_bad_input', reason: expect.stringContaining('AWSLogs/bad%E0%A4%A.json.gz') });
    });
  });
});
