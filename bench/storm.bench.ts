/**
 * A storm: 1,000 matches of one rule for one channel (root console logins from 1,000 addresses,
 * one alert each) through ingest and notify on the local stack, with several notify workers
 * polling at once as concurrent Lambdas would. Slack is a fake Web API server on loopback that
 * counts chat.postMessage per channel per second. Prints the busiest second, the total time,
 * and the notify queue's visibility timeout the storm has to finish within.
 * Run: npm run bench -- storm   (or npx tsx bench/storm.bench.ts [matches] [workers])
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { cloudTrailEvent } from '../src/detect/test-events';
import { EventSourceRunner, type EventSourceMapping, type SqsHandler } from '../src/local/event-source-runner';
import { startLocalStack } from '../src/local/local-stack';
import { logger } from '../src/logger';

const MATCHES = Number(process.argv[2] ?? 1000);
const WORKERS = Number(process.argv[3] ?? 4);

interface FakeSlack {
  url: string;
  /** Wall-clock milliseconds of each chat.postMessage, by channel. */
  posts: Map<string, number[]>;
  updates: number;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Answers the Web API calls notify makes, the way Slack does, and remembers when each post came. */
async function fakeSlack(): Promise<FakeSlack> {
  const posts = new Map<string, number[]>();
  let updates = 0;
  let ts = 0;
  const server: Server = createServer((request, response) => {
    void body(request).then((form) => {
      const method = (request.url ?? '').replace(/^\/api\//, '');
      // Channel names and ids of one channel count as one: the fake has a single channel.
      const channel = 'C0STORM';
      let answer: Record<string, unknown> = { ok: true };
      if (method === 'chat.postMessage') {
        posts.set(channel, [...(posts.get(channel) ?? []), Date.now()]);
        ts += 1;
        answer = { ok: true, channel, ts: `1700000000.${String(ts).padStart(6, '0')}` };
      } else if (method === 'chat.update') updates += 1;
      else if (!form.has('channel')) answer = { ok: false, error: 'channel_not_found' };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    posts,
    get updates() {
      return updates;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The most posts in any one second (a sliding window), per channel. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function main(): Promise<void> {
  logger.setLogLevel('ERROR');
  const slack = await fakeSlack();
  const stack = await startLocalStack({
    root: join(__dirname, '..'),
    stage: 'benchstorm',
    configPath: join(__dirname, '..', 'test', 'fixtures', 'prowl.test.config.yml'),
    slack: { mode: 'slack', botToken: 'xoxb-bench', apiUrl: slack.url },
  });
  // The stack's own runner polls each queue with one loop; this bench runs notify with several.
  await stack.runner.stop();
  const handlers = { ingest: (await import('../handlers/ingest')).handler, notify: (await import('../handlers/notify')).handler } as Record<string, SqsHandler>;
  const mappings: EventSourceMapping[] = stack.definitions.functions
    .filter((fn) => fn.name === 'ingest' || fn.name === 'notify')
    .flatMap((fn) =>
      fn.sqs.flatMap((trigger) => {
        const queue = stack.provisioned.queues[trigger.queue]!;
        const mapping = {
          functionName: fn.name,
          queueUrl: queue.url,
          queueArn: queue.arn,
          batchSize: trigger.batchSize,
          timeoutSeconds: fn.timeoutSeconds,
          handler: handlers[fn.name]!,
        };
        return fn.name === 'notify' ? Array.from({ length: WORKERS }, () => mapping) : [mapping];
      }),
    );
  const notifyQueue = stack.definitions.resources['NotifyQueue']?.Properties ?? {};
  const visibilitySeconds = Number(notifyQueue['VisibilityTimeout']);
  const runner = new EventSourceRunner(stack.clients.sqs, mappings, stack.runtime.region);
  try {
    const records = Array.from({ length: MATCHES }, (_, i) =>
      cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventID: `storm-${i}`,
        sourceIPAddress: `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        userIdentity: { type: 'Root', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
        responseElements: { ConsoleLogin: 'Success' },
      }),
    );
    const started = performance.now();
    const startedWall = Date.now();
    await stack.putObject('AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/22/storm.json.gz', gzipSync(JSON.stringify({ Records: records })));
    runner.start();
    await runner.idle({ waitForRetries: true, stallMs: 60_000 });
    const seconds = (performance.now() - started) / 1000;

    const posts = slack.posts.get('C0STORM') ?? [];
    console.log(`Storm of ${MATCHES} matches for one channel, ${WORKERS} notify workers in parallel:`);
    console.log(`  chat.postMessage: ${posts.length} in all, at most ${busiestSecond(posts)} in any one second (Slack allows about 1 per channel)`);
    const sorted = [...posts].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!);
    console.log(
      `  closest two posts: ${Math.min(...gaps)} ms apart; first post ${((sorted[0]! - startedWall) / 1000).toFixed(1)} s after upload, last ${((sorted[sorted.length - 1]! - startedWall) / 1000).toFixed(1)} s`,
    );
    console.log(`  chat.update: ${slack.updates}`);
    console.log(
      `  total ${seconds.toFixed(1)} s from upload to quiet queues; notify visibility timeout ${visibilitySeconds} s (${((seconds / visibilitySeconds) * 100).toFixed(0)}% of it)`,
    );
    if (busiestSecond(posts) > 1) process.exitCode = 1;
  } finally {
    await runner.stop();
    await stack.stop();
    await slack.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
