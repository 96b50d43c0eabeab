import nock from 'nock';

export interface CapturedCall {
  method: string;
  body: Record<string, unknown>;
}

function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return Object.fromEntries(new URLSearchParams(body));
    }
  }
  return (body ?? {}) as Record<string, unknown>;
}

/** What the fake Slack answers each Web API method with. */
function answer(method: string, body: Record<string, unknown>, ts: number): Record<string, unknown> {
  switch (method) {
    case 'chat.postMessage':
      // UNODM stands for a user the app may not message (a bot, a deactivated account).
      if (body['channel'] === 'UNODM') return { ok: false, error: 'cannot_dm_bot' };
      return { ok: true, channel: 'C0ALERTS', ts: `1700000000.${String(ts).padStart(6, '0')}` };
    case 'views.open':
      return { ok: true, view: { id: 'V0MODAL', hash: 'h1' } };
    case 'users.lookupByEmail': {
      // alice@example.com is UALICE; nobody…@ has no Slack account.
      const local = String(body['email'] ?? '').split('@')[0] ?? '';
      return local.startsWith('nobody')
        ? { ok: false, error: 'users_not_found' }
        : { ok: true, user: { id: `U${local.toUpperCase().replace(/[^A-Z0-9]/g, '')}` } };
    }
    case 'users.info':
      return { ok: true, user: { id: body['user'], tz: 'Europe/Berlin' } };
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: 'https://files.slack.com/upload/v1/abc', file_id: `F0FILE${ts}` };
    case 'files.completeUploadExternal':
      return { ok: true, files: [{ id: 'F0FILE' }] };
    default:
      return { ok: true };
  }
}

/**
 * Intercepts Slack — the Web API, response URLs and file uploads — with nock and records every
 * call. Loopback stays reachable for the emulators; anything else is refused, so a test can never
 * reach the real Slack.
 */
export function interceptSlack(): { calls: CapturedCall[]; unmatched: string[]; of(method: string): CapturedCall[]; done(): void } {
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
    .post(/\/api\/.+/)
    .reply(200, (uri, body) => {
      const method = uri.replace('/api/', '');
      const parsed = parseBody(body);
      calls.push({ method, body: parsed });
      ts += 1;
      return answer(method, parsed, ts);
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, (uri, body) => {
      calls.push({ method: `response_url ${uri}`, body: parseBody(body) });
      return 'ok';
    });
  nock('https://files.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      calls.push({ method: 'file upload', body: { content: typeof body === 'string' ? body : JSON.stringify(body) } });
      return 'OK';
    });
  return {
    calls,
    unmatched,
    of: (method) => calls.filter((call) => call.method === method || call.method.startsWith(`${method} `)),
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

/** A view (modal) sent with views.open or views.update. */
export function sentView(call: CapturedCall): Record<string, unknown> {
  const view = call.body['view'];
  return (typeof view === 'string' ? JSON.parse(view) : view) as Record<string, unknown>;
}
