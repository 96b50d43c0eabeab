import type { SearchResult } from '../search';
import { formatTextTable, summarizeResult } from '../search';
import { mention } from './alert-message';
import { untrusted } from './escape';
import { clip, SLACK_LIMITS, type SlackMessage } from './message';

const FENCE = '```';

/** A compact table of the first rows of a search, with what was asked and what it cost. */
export function searchResultMessage(query: string, user: string, result: SearchResult, heading = 'Search'): SlackMessage {
  const queryText = untrusted(query.replace(/`/g, "'"));
  const table =
    result.rowCount === 0 ? 'No matching events in that time range.' : untrusted(formatTextTable(result, { maxRows: 15, maxCellWidth: 40 }), 'lines');
  const summary = untrusted(summarizeResult(result));
  return {
    text: clip(`${untrusted(heading)}: ${summary}`, SLACK_LIMITS.fallbackText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*${untrusted(heading)}* by ${mention(user)}: \`${queryText}\``, SLACK_LIMITS.sectionText) } },
      { type: 'section', text: { type: 'mrkdwn', text: `${FENCE}${clip(table, SLACK_LIMITS.sectionText - 2 * FENCE.length)}${FENCE}` } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: clip(`${summary}${result.rowCount > 15 ? ' · every row is in the CSV below' : ''}`, SLACK_LIMITS.sectionText) }],
      },
    ],
  };
}

/** What went wrong with a search, said to the channel where it was asked. */
export function searchFailedMessage(query: string, user: string, problem: string): SlackMessage {
  return {
    text: clip(`Search failed: ${untrusted(problem)}`, SLACK_LIMITS.fallbackText),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(
            `${mention(user)}, your search \`${untrusted(query.replace(/`/g, "'"))}\` could not run:\n${untrusted(problem)}`,
            SLACK_LIMITS.sectionText,
          ),
        },
      },
    ],
  };
}

/** What a scan found and changed, said where it was asked for. */
export function scanSummaryMessage(
  scope: string,
  user: string,
  outcome: { opened: string[]; resolved: string[]; stillFailing: string[]; suppressed: number; policyErrors: number; collectionErrors: number },
): SlackMessage {
  const lines = [
    `*Scan* of ${untrusted(scope)} asked for by ${mention(user)}:`,
    `• ${outcome.opened.length} new policy failure${outcome.opened.length === 1 ? '' : 's'}, ${outcome.stillFailing.length} still failing, ${outcome.resolved.length} resolved`,
    `• ${outcome.suppressed} suppressed · ${outcome.collectionErrors} resource${outcome.collectionErrors === 1 ? '' : 's'} could not be read · ${outcome.policyErrors} policy error${outcome.policyErrors === 1 ? '' : 's'}`,
  ];
  return {
    text: clip(lines.join('\n').replace(/[*]/g, ''), SLACK_LIMITS.fallbackText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), SLACK_LIMITS.sectionText) } }],
  };
}
