import { z } from 'zod';
import { isProwlError } from '../../src/errors';
import { readMessage } from '../../src/queue-message';

const schema = z.object({ alertId: z.string().min(1) }).strict();

function failure(body: string): string {
  try {
    readMessage(body, schema, 'notify', '{"alertId": "<id>"}');
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_input')) return error.message;
    throw error;
  }
  throw new Error('expected the message to be rejected');
}

describe('a queue message', () => {
  it('is read when it is JSON of the expected shape', () => {
    expect(readMessage('{"alertId":"a-1"}', schema, 'notify', '{"alertId": "<id>"}')).toEqual({ alertId: 'a-1' });
  });

  it('that is not JSON is bad input naming the queue and what it expects', () => {
    expect(failure('not json')).toBe('notify message is not JSON; expected {"alertId": "<id>"}');
  });

  it('of the wrong shape is bad input listing every problem', () => {
    expect(failure('{"alertId":"","extra":1}')).toMatch(/^notify message is not \{"alertId": "<id>"\}:\n(.|\n)*alertId(.|\n)*extra/);
  });
});
