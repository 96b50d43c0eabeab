/**
 * Handler time for a button click (Acknowledge / Unacknowledge, alternating) through the real
 * Slack handler and the local stack: signature check, role check, conditional write in the
 * DynamoDB emulator, audit entry, notify message. Slack's Web API is intercepted with nock.
 * Run: npx tsx bench/slack-click.bench.ts [clicks]
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import nock from 'nock';
import { startLocalStack } from '../src/local/local-stack';
import { logger } from '../src/logger';
import { createServices } from '../src/app/services';
import { ALERT_ACTIONS } from '../src/slack/alert-message';
import { cloudTrailEvent } from '../src/detect/test-events';
import { gzipSync } from 'node:zlib';

const CLICKS = Number(process.argv[2] ?? 200);
const SECRET = 'bench-signing-secret';

function signed(body: string): APIGatewayProxyEventV2 {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    isBase64Encoded: false,
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
    requestContext: { http: { method: 'POST', path: '/slack/events' } } as APIGatewayProxyEventV2['requestContext'],
  };
}

function click(actionId: string, alertId: string): string {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: 'UADMIN', username: 'admin', team_id: 'T0' },
      api_app_id: 'A0',
      token: 't',
      trigger_id: '1.2',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C0', is_ephemeral: false },
      team: { id: 'T0', domain: 'd' },
      channel: { id: 'C0', name: 's' },
      message: { type: 'message', ts: '1.1', text: 'x' },
      response_url: 'https://hooks.slack.com/actions/T0/1/x',
      actions: [{ type: 'button', action_id: actionId, block_id: 'alert_actions', value: alertId, action_ts: '1', text: { type: 'plain_text', text: 'x' } }],
    }),
  }).toString();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  logger.setLogLevel('ERROR');
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  nock('https://slack.com').persist().post(/.*/).reply(200, { ok: true, channel: 'C0', ts: '1700000000.000001' });
  nock('https://hooks.slack.com').persist().post(/.*/).reply(200, 'ok');

  const stack = await startLocalStack({
    root: join(__dirname, '..'),
    stage: 'bench',
    configPath: join(__dirname, '..', 'test', 'fixtures', 'prowl.test.config.yml'),
    slack: { mode: 'slack', botToken: 'xoxb-bench', signingSecret: SECRET },
  });
  try {
    const root = cloudTrailEvent({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      sourceIPAddress: '203.0.113.1',
      userIdentity: { type: 'Root', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
      responseElements: { ConsoleLogin: 'Success' },
    });
    await stack.putObject('AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/22/bench.json.gz', gzipSync(JSON.stringify({ Records: [root] })));
    await stack.runner.idle();
    const [alert] = await createServices(stack.runtime, stack.clients).alerts.listByStatus('OPEN', 1);
    if (!alert) throw new Error('the bench alert did not open');
    await stack.runner.stop(); // measure the click alone, not notify running beside it

    const { handler } = await import('../handlers/slack');
    const context = { functionName: 'slack', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
    await handler(signed(click(ALERT_ACTIONS.acknowledge, alert.id)), context); // cold start, not counted
    await handler(signed(click(ALERT_ACTIONS.unacknowledge, alert.id)), context);

    const times: number[] = [];
    for (let i = 0; i < CLICKS; i++) {
      const body = click(i % 2 === 0 ? ALERT_ACTIONS.acknowledge : ALERT_ACTIONS.unacknowledge, alert.id);
      const started = performance.now();
      const result = await handler(signed(body), context);
      times.push(performance.now() - started);
      if (typeof result !== 'string' && result.statusCode !== 200) throw new Error(`click ${i} answered ${result.statusCode}`);
    }
    times.sort((a, b) => a - b);
    console.log(`Slack button click through the handler and local stack (${CLICKS} clicks, warm):`);
    console.log(
      `  p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   max ${times[times.length - 1]!.toFixed(1)} ms   (Slack's deadline: 3000 ms)`,
    );
  } finally {
    await stack.stop();
    nock.cleanAll();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
