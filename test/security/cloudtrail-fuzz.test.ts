import { gzipSync } from 'node:zlib';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import fc from 'fast-check';
import type { LocalStack } from '../../src/local/local-stack';
import { MAX_JSON_DEPTH } from '../../src/logs/json-framing';
import { cloudTrailEvent, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { deeplyNested } from '../helpers/hostile-json';
import { lakeLines } from '../helpers/lake-objects';
import { startTestStack } from '../helpers/local-stack';
import { interceptSlack } from '../helpers/slack-api';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'prototype'];

/** A JSON value built as text, so keys like `__proto__` are in the bytes as an attacker writes them. */
const hostileValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 20 }).map((text) => JSON.stringify(text)),
    fc.integer().map(String),
    fc.constantFrom('null', 'true', '{}', '[]', '1e308', '-0'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
  ),
})).value;

interface FuzzFile {
  records: string[];
  /** Source IPs of the root logins (good records that must each alert). */
  goodIps: string[];
  /** Positions (1-based) of the records that must be quarantined. */
  badPositions: number[];
}

const fuzzFile: fc.Arbitrary<FuzzFile> = fc
  .array(
    fc.oneof(
      // A root login whose request parameters and extra fields carry hostile maps: must alert.
      fc.tuple(fc.constant('good' as const), hostileValue, fc.constantFrom(...HOSTILE_KEYS)),
      // Nested beyond the limit somewhere inside: must be quarantined.
      fc.tuple(fc.constant('deep' as const), fc.integer({ min: MAX_JSON_DEPTH + 1, max: 8000 }), fc.constant('')),
      // A huge value: still a good record, but it does not alert (ordinary traffic).
      fc.tuple(fc.constant('huge' as const), fc.integer({ min: 10_000, max: 120_000 }), fc.constant('')),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((kinds) => {
    const file: FuzzFile = { records: [], goodIps: [], badPositions: [] };
    kinds.forEach(([kind, detail, key], index) => {
      const position = index + 1;
      if (kind === 'good') {
        const ip = `198.51.100.${position}`;
        const base = JSON.stringify(rootConsoleLogin({ sourceIPAddress: ip, eventID: `fuzz-${position}`, requestParameters: { PLACEHOLDER: 1 } }));
        file.records.push(base.replace('"PLACEHOLDER":1', `${JSON.stringify(key)}:${detail}`).replace(/}$/, `,${JSON.stringify(key)}:${detail}}`));
        file.goodIps.push(ip);
      } else if (kind === 'deep') {
        file.records.push(
          JSON.stringify(cloudTrailEvent({ eventID: `deep-${position}`, requestParameters: { PLACEHOLDER: 1 } })).replace(
            '"PLACEHOLDER":1',
            `"nested":${deeplyNested(detail as number)}`,
          ),
        );
        file.badPositions.push(position);
      } else {
        file.records.push(JSON.stringify(cloudTrailEvent({ eventID: `huge-${position}`, userAgent: 'x'.repeat(detail as number) })));
      }
    });
    return file;
  });

describe('whole CloudTrail files with hostile keys, deep nesting and huge values', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    slack = interceptSlack();
    stack = await startTestStack({ visibilityTimeoutSeconds: 1 });
  });
  afterAll(async () => {
    await stack.stop();
    slack.done();
  });

  async function deadLetters(): Promise<number> {
    const { Attributes } = await stack.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: stack.provisioned.queues['IngestDeadLetterQueue']!.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
  }

  it("post every good record's alert, quarantine every bad record with a reason, and send nothing to the DLQ", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fuzzFile, async (file) => {
        run += 1;
        const key = cloudTrailKey(`fuzz-${run}`);
        const text = `{"Records":[${file.records.join(',')}]}`;
        const postsBefore = slack.of('chat.postMessage').length;
        await stack.putObject(key, gzipSync(text));
        await stack.runner.idle({ waitForRetries: true, timeoutMs: 20_000 });

        const posted = slack
          .of('chat.postMessage')
          .slice(postsBefore)
          .map((call) => String(call.body['text']));
        for (const ip of file.goodIps) expect(posted.filter((text) => text.includes(ip))).toHaveLength(1);
        const quarantined = (await lakeLines(stack, 'quarantine/')).filter((line) => line['key'] === key);
        expect(quarantined.map((line) => line['position'])).toEqual(file.badPositions);
        quarantined.forEach((line) => expect(line['reason']).toMatch(/nested deeper than \d+ levels/));
        expect(await deadLetters()).toBe(0);
      }),
      // Each run is a whole pass through the stack; a few dozen files cover the shapes without a long test.
      { numRuns: 12, seed: 1313 },
    );
  }, 240_000);

  it('keep a __proto__ key as data in the lake event, and pollute nothing', async () => {
    const key = cloudTrailKey('proto-in-lake');
    const record = JSON.stringify(cloudTrailEvent({ eventID: 'proto-1', requestParameters: { PLACEHOLDER: 1 } })).replace(
      '"PLACEHOLDER":1',
      '"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}',
    );
    await stack.putObject(key, gzipSync(`{"Records":[${record}]}`));
    await stack.runner.idle();

    const [event] = (await lakeLines(stack, 'logs/aws_cloudtrail/')).filter((line) => line['eventID'] === 'proto-1');
    const parameters = event!['requestParameters'] as Record<string, unknown>;
    expect(Object.hasOwn(parameters, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(parameters, '__proto__')?.value).toEqual({ isAdmin: true });
    expect(parameters['constructor']).toEqual({ prototype: { x: 1 } });
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });
});
