/** Checks on Slack's HTTP requests that come before Bolt's own signature verification. */

type Headers = Record<string, string | undefined>;

const MAX_SKEW_SECONDS = 5 * 60;

function header(headers: Headers, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * A request must carry a timestamp within five minutes of now, either way. Bolt rejects old ones;
 * this also rejects ones from the future, which a replayed, re-signed request could carry.
 */
export function acceptedByTimestamp(headers: Headers, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const ts = Number(header(headers, 'x-slack-request-timestamp'));
  return Number.isFinite(ts) && Math.abs(nowSeconds - ts) <= MAX_SKEW_SECONDS;
}

/** Slack's retries carry x-slack-retry-num; the work is idempotent, so they are answered and dropped. */
export function isSlackRetry(headers: Headers): boolean {
  return header(headers, 'x-slack-retry-num') !== undefined;
}
