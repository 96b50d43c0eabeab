import nock from 'nock';

export interface CapturedCall {
  method: string;
  body: Record<string, unknown>;
}

/**
 * Intercepts Slack's Web API with nock and records every call. Loopback stays reachable for the
 * emulators; anything else is refused, so a test can never reach the real Slack.
 */
export function interceptSlack(): { calls: CapturedCall[]; unmatched: string[]; done(): void } {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const calls: CapturedCall[] = [];
  const unmatched: string[] = [];
  // Loopback traffic to the emulators is let through and also reported as "no match"; only Slack's counts.
  const onNoMatch = (request: { host?: string; hostname?: string; path?: string }): void => {
    const host = request.hostname ?? request.host ?? '';
    if (host.includes('slack.com')) unmatched.push(request.path ?? '?');
  };
  nock.emitter.on('no match', onNoMatch);
  let ts = 0;
  nock('https://slack.com')
    .persist()
    .post(/\/api\/chat\.(postMessage|update)/)
    .reply(200, (uri, body) => {
      const method = uri.replace('/api/', '');
      const parsed = (typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body) as Record<string, unknown>;
      calls.push({ method, body: parsed });
      ts += 1;
      return { ok: true, channel: 'C0ALERTS', ts: parsed['ts'] ?? `1700000000.${String(ts).padStart(6, '0')}` };
    });
  return {
    calls,
    unmatched,
    done() {
      nock.emitter.removeListener('no match', onNoMatch);
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/** Slack's Web API client sends attachments JSON-encoded in a form field. */
export function attachmentBlocks(call: CapturedCall): Array<Record<string, unknown>> {
  const attachments = typeof call.body['attachments'] === 'string' ? JSON.parse(call.body['attachments']) : call.body['attachments'];
  return (attachments as Array<{ blocks: Array<Record<string, unknown>> }>)[0]!.blocks;
}
