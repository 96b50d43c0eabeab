import { DateTime } from 'luxon';
import type { LocalStack } from '../../src/local/local-stack';
import { createDynamoRescanDebounce } from '../../src/store/dynamo-rescan-debounce';
import { startTestStack } from '../helpers/local-stack';

describe('createDynamoRescanDebounce', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('lets exactly one of many concurrent claims of a key and window win', async () => {
    const debounce = createDynamoRescanDebounce({ ddb: stack.clients.ddb, table: stack.runtime.tables.settings });
    const window = DateTime.fromISO('2026-11-22T10:00:00.000Z', { zone: 'utc' });
    const expires = window.plus({ days: 1 });

    const claims = await Promise.all(Array.from({ length: 5 }, () => debounce.claim('123456789012/global/AWS.S3.Bucket/acme-data', window, expires)));

    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await debounce.claim('123456789012/global/AWS.S3.Bucket/acme-data', window.plus({ minutes: 1 }), expires)).toBe(true);
    expect(await debounce.claim('123456789012/global/AWS.S3.Bucket/other', window, expires)).toBe(true);
  });
});
