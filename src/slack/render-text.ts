import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './message';

/** Strips Slack mrkdwn down to what reads well in a terminal. */
function plain(text: string): string {
  return text
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/[*`]/g, '')
    .replace(/:[a-z_]+: /g, '');
}

function renderBlock(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text.toUpperCase()];
    case 'section': {
      const lines: string[] = [];
      if (block.text) lines.push(plain(block.text.text));
      for (const field of block.fields ?? []) lines.push(`  ${plain(field.text).replace('\n', ': ')}`);
      return lines;
    }
    case 'context':
      return block.elements.map((element) => ('text' in element ? plain(element.text) : '')).filter(Boolean);
    case 'actions':
      return [block.elements.map((element) => (element.type === 'button' ? `[${element.text.text}]` : '')).join(' ')];
    case 'divider':
      return ['—'.repeat(40)];
    default:
      return [];
  }
}

/** Renders a Slack message as text for the terminal Slack: same content, same buttons. */
export function renderText(message: SlackMessage): string {
  return message.blocks.flatMap(renderBlock).join('\n');
}
