import type { DateTime } from 'luxon';
import { logger } from '../logger';
import type { RequestLedger } from './request-ledger';
import { header, SIGNATURE_WINDOW_SECONDS, verifySlackSignature, type RawRequest } from './request-verification';

/** What to do with a request before Bolt sees it. */
export type Admission = { admit: true } | { admit: false; statusCode: 200 | 401; headers?: Record<string, string> };

export interface GuardDeps {
  signingSecret: string;
  ledger: RequestLedger;
  now: () => DateTime;
}

/**
 * The checks every request to the Slack endpoint passes before anything parses it: the signature on
 * the raw body and a timestamp within five minutes either way (else 401), then once only: a verified
 * signature seen before within its window is a replay, and Slack's own retries are work already
 * under way (both acknowledged and dropped).
 */
export async function admitSlackRequest(request: RawRequest, deps: GuardDeps): Promise<Admission> {
  const now = deps.now();
  const verified = verifySlackSignature(request, deps.signingSecret, Math.floor(now.toSeconds()));
  if (!verified.ok) {
    logger.warn('slack request refused', { reason: verified.reason });
    return { admit: false, statusCode: 401 };
  }
  const first = await deps.ledger.firstSeen(verified.signature, now.plus({ seconds: 2 * SIGNATURE_WINDOW_SECONDS }));
  if (!first) {
    logger.warn('slack request replayed; dropped', { timestamp: verified.timestamp });
    return { admit: false, statusCode: 200, headers: { 'x-slack-no-retry': '1' } };
  }
  if (header(request.headers, 'x-slack-retry-num') !== undefined) return { admit: false, statusCode: 200, headers: { 'x-slack-no-retry': '1' } };
  return { admit: true };
}
