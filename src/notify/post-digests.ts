import type { DateTime } from 'luxon';
import type { AlertStore } from '../alerts/alert-store';
import { alertsChangedSince } from '../alerts/activity';
import { buildDigests, DIGEST_PERIOD_HOURS, type ChannelDigest, type DigestOutcome } from '../alerts/digest';

export type { DigestOutcome };
import type { SettingsStore } from '../alerts/settings-store';
import type { ConfigFile, TeamConfig } from '../config';
import { ProwlError } from '../errors';
import { logger } from '../logger';
import { digestMessage } from '../slack/digest-message';
import { slackRefused, type SlackGateway } from '../slack/gateway';

/** Alerts of each state one digest run reads. */
export const DIGEST_READ_LIMIT = 2000;

/**
 * One digest per channel and day: claimed before posting, so a retried run (or two at once) posts
 * each channel's digest once. A claim whose post Slack refused is released for the retry; one whose
 * post timed out stays taken (the digest may be in the channel already) until it is stale.
 */
export interface DigestLedger {
  /** True when this run may post the channel's digest for the day. */
  claim(channel: string, day: string, now: DateTime): Promise<boolean>;
  posted(channel: string, day: string, ts: string): Promise<void>;
  release(channel: string, day: string): Promise<void>;
}

export interface DigestDeps {
  alerts: Pick<AlertStore, 'listByStatus' | 'listChangedSince'>;
  settings: Pick<SettingsStore, 'suppressions'>;
  gateway: SlackGateway;
  ledger: DigestLedger;
  config: Pick<ConfigFile, 'slack'>;
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

/** Reads what the digests need once, for every channel. */
export async function collectDigests(deps: Omit<DigestDeps, 'gateway' | 'ledger'>): Promise<ChannelDigest[]> {
  const now = deps.now().toUTC();
  const [teams, open, acknowledged, changed, suppressions] = await Promise.all([
    deps.teams(),
    deps.alerts.listByStatus('OPEN', DIGEST_READ_LIMIT),
    deps.alerts.listByStatus('ACKNOWLEDGED', DIGEST_READ_LIMIT),
    alertsChangedSince(deps.alerts, now.minus({ hours: DIGEST_PERIOD_HOURS }), DIGEST_READ_LIMIT),
    deps.settings.suppressions(),
  ]);
  const complete = open.length < DIGEST_READ_LIMIT && acknowledged.length < DIGEST_READ_LIMIT && changed.complete;
  return buildDigests({ config: deps.config, teams, open, acknowledged, changed: changed.alerts, suppressions, complete, now });
}

/**
 * The daily digest: each team's channel and the default channel get one message for the day. A
 * channel that fails does not hold back the others; the run fails afterwards (so it is retried and
 * alarmed on), and the retry posts only what is missing.
 */
export async function postDigests(deps: DigestDeps): Promise<DigestOutcome> {
  const digests = await collectDigests(deps);
  const outcome: DigestOutcome = { posted: [], alreadyPosted: [] };
  const failures: string[] = [];
  for (const digest of digests) {
    try {
      if (!(await deps.ledger.claim(digest.channel, digest.day, deps.now()))) {
        outcome.alreadyPosted.push(digest.channel);
        continue;
      }
      let ref;
      try {
        ref = await deps.gateway.post(digest.channel, digestMessage(digest));
      } catch (error) {
        if (slackRefused(error)) await deps.ledger.release(digest.channel, digest.day);
        throw error;
      }
      await deps.ledger.posted(digest.channel, digest.day, ref.ts);
      outcome.posted.push(digest.channel);
    } catch (error) {
      logger.error('digest not posted', { channel: digest.channel, error: (error as Error).message });
      failures.push(`${digest.channel}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    throw new ProwlError('prowl_slack_failed', `the digest could not be posted to ${failures.length} channel(s): ${failures.join('; ')}`);
  }
  return outcome;
}
