import type { KnownBlock } from '@slack/types';
import type { ChannelDigest, DigestOutcome } from '../alerts/digest';
import { DIGEST_PERIOD_HOURS, EXPIRING_SOON_HOURS } from '../alerts/digest';
import { describeSuppression } from '../alerts/suppression';
import { SEVERITIES } from '../config/severity';
import { SEVERITY_EMOJI, when } from './alert-message';
import { mrkdwn } from './escape';
import { clip, SLACK_LIMITS, type SlackMessage } from './message';

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } };
}

/** What `/prowl digest` did, for the admin who asked. */
export function digestRunMessage(outcome: DigestOutcome): SlackMessage {
  const list = (channels: string[]): string => (channels.length === 0 ? 'none' : channels.map((channel) => mrkdwn`${channel}`).join(', '));
  const text = `Digest posted to ${list(outcome.posted)}; already posted today: ${list(outcome.alreadyPosted)}.`;
  return { text, blocks: [section(text)] };
}

/** The daily digest for one channel. Pure: the same digest always gives the same message. */
export function digestMessage(digest: ChannelDigest): SlackMessage {
  const severities = SEVERITIES.filter((severity) => digest.openBySeverity[severity] > 0)
    .reverse()
    .map((severity) => `${SEVERITY_EMOJI[severity]} ${digest.openBySeverity[severity]} ${severity}`);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Prowl daily digest — ${digest.day}`, emoji: true } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Open*\n${digest.open}${severities.length > 0 ? `: ${severities.join(' · ')}` : ''}` },
        { type: 'mrkdwn', text: `*Acknowledged*\n${digest.acknowledged}` },
        { type: 'mrkdwn', text: `*Resolved in ${DIGEST_PERIOD_HOURS} h*\n${digest.resolved}` },
      ],
    },
  ];
  if (digest.oldestOpen.length > 0)
    blocks.push(
      section(
        `*Open longest*\n${digest.oldestOpen.map((alert) => mrkdwn`• [${alert.severity}] ${alert.title} — since ${when(alert.openedAt ?? alert.createdAt)} · \`${alert.id}\``).join('\n')}`,
      ),
    );
  blocks.push(
    section(
      digest.noisyRules.length === 0
        ? `*Noisiest rules (${DIGEST_PERIOD_HOURS} h)*\nNo alerts opened.`
        : `*Noisiest rules (${DIGEST_PERIOD_HOURS} h)*\n${digest.noisyRules
            .map(
              (rule) =>
                mrkdwn`• \`${rule.ruleId}\` — ${rule.alerts} alert${rule.alerts === 1 ? '' : 's'}, ${rule.matches} event${rule.matches === 1 ? '' : 's'}`,
            )
            .join('\n')}`,
    ),
  );
  if (digest.expiringSuppressions.length > 0)
    blocks.push(
      section(
        `*Suppressions ending within ${EXPIRING_SOON_HOURS} h*\n${digest.expiringSuppressions
          .map((s) => mrkdwn`• \`${s.id}\` ${describeSuppression(s)} (by ${s.createdBy})`)
          .join('\n')}`,
      ),
    );
  const footer = [
    digest.teams.length > 0 ? mrkdwn`Teams: ${digest.teams.join(', ')}` : 'Alerts no team owns',
    '`/prowl home` or the Home tab shows yours; `/prowl stats` has the numbers over 7 or 30 days',
    ...(digest.complete ? [] : ['counts are lower bounds (more alerts than one digest reads)']),
  ];
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(footer.join(' · '), SLACK_LIMITS.sectionText) }] });
  return {
    text: mrkdwn`Prowl daily digest ${digest.day}: ${digest.open} open, ${digest.acknowledged} acknowledged, ${digest.resolved} resolved in ${DIGEST_PERIOD_HOURS} h`,
    blocks,
  };
}
