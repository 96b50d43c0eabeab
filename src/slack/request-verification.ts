import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack signs each request for five minutes either way of its timestamp; so long is a signature worth replaying. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type Headers = Record<string, string | undefined>;

export interface RawRequest {
  headers: Headers;
  body?: string;
  isBase64Encoded?: boolean;
}

export type Verification = { ok: true; signature: string; timestamp: number } | { ok: false; reason: string };

export function header(headers: Headers, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** The bytes Slack signed: the body exactly as it arrived (API Gateway may hand it over base64-encoded). */
export function rawBody(request: RawRequest): string {
  const body = request.body ?? '';
  return request.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/**
 * Checks Slack's signature, v0=HMAC-SHA256(secret, "v0:<timestamp>:<raw body>"), and that the
 * timestamp is within the window either way of now, on the raw body and before anything is parsed:
 * a request that fails is never read further.
 */
export function verifySlackSignature(request: RawRequest, signingSecret: string, nowSeconds: number): Verification {
  const timestampText = header(request.headers, 'x-slack-request-timestamp') ?? '';
  const signature = header(request.headers, 'x-slack-signature') ?? '';
  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: 'no valid x-slack-request-timestamp' };
  const timestamp = Number(timestampText);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'timestamp outside the five-minute window' };
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'no v0 signature' };
  const expected = `v0=${createHmac('sha256', signingSecret)
    .update(`v0:${timestampText}:${rawBody(request)}`)
    .digest('hex')}`;
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return { ok: false, reason: 'signature does not match' };
  return { ok: true, signature, timestamp };
}
