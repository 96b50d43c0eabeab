import type { KnownBlock } from '@slack/types';
import { ALERT_ACTIONS, ASSIGN_BLOCK_PREFIX } from './alert-message';
import { CONFIRM_ACTIONS } from './confirmation-message';
import { terminalSafe } from './escape';
import type { SlackMessage } from './message';

function sameAddress(url: string, label: string): boolean {
  const shown = label
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  // A long address is clipped in its label (ending in …): the label is then a prefix of the address.
  return shown === url || (shown.endsWith('…') && url.startsWith(shown.slice(0, -1)));
}
/** What to type at the terminal prompt to do what a button does (buttons that open a form have no line). */
const BUTTON_COMMANDS: Record<string, (value: string) => string> = {
  [ALERT_ACTIONS.acknowledge]: (id) => `/prowl ack ${id}`,
  [ALERT_ACTIONS.unacknowledge]: (id) => `/prowl unack ${id}`,
  [ALERT_ACTIONS.resolve]: (id) => `/prowl resolve ${id} [reason] [note…]`,
  [ALERT_ACTIONS.showEvents]: (id) => `/prowl events ${id}`,
  [CONFIRM_ACTIONS.yes]: (id) => `/prowl confirm ${id} yes`,
  [CONFIRM_ACTIONS.no]: (id) => `/prowl confirm ${id} no`,
};

/**
 * Strips Slack mrkdwn (a block's text or a command reply) down to what reads well in a terminal. Untrusted values were escaped when the
 * message was built, so every `<…>` here is Prowl's own link or mention; entities are turned back
 * into characters only after that, and control characters never reach the terminal.
 */
export function plain(text: string): string {
  return terminalSafe(
    text
      // A link whose label is its address (a rule's reference) is printed once, not as "url (url)".
      .replace(/<([^|>]+)\|([^>]+)>/g, (_link, url: string, label: string) => (sameAddress(url, label) ? label : `${label} (${url})`))
      .replace(/<@([A-Z0-9]+)>/g, '@$1')
      .replace(/[*`]/g, '')
      .replace(/:[a-z_]+: /g, '')
      .replace(/\u200b/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** The terminal has no person picker: the assign controls are shown as the commands that do the same. */
function assignCommands(ref: string, assigned: boolean): string {
  const commands = [`/prowl assign ${ref} me`, `/prowl assign ${ref} @user`, ...(assigned ? [`/prowl unassign ${ref}`] : [])];
  return terminalSafe(`Assign: ${commands.join(' · ')}`);
}

function renderBlock(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [terminalSafe(block.text.text.toUpperCase())];
    case 'section': {
      const lines: string[] = [];
      if (block.text) lines.push(plain(block.text.text));
      for (const field of block.fields ?? []) lines.push(`  ${plain(field.text).replace('\n', ': ')}`);
      // A storm's thread lists each alert with its own button beside it.
      if (block.accessory?.type === 'button') lines.push(terminalSafe(`  [${block.accessory.text.text}]`));
      return lines;
    }
    case 'context':
      return block.elements.map((element) => ('text' in element ? plain(element.text) : '')).filter(Boolean);
    case 'actions': {
      if (block.block_id?.startsWith(ASSIGN_BLOCK_PREFIX))
        return [
          assignCommands(
            block.block_id.slice(ASSIGN_BLOCK_PREFIX.length),
            block.elements.some((element) => 'action_id' in element && element.action_id === ALERT_ACTIONS.unassign),
          ),
        ];
      const buttons = block.elements.filter((element) => element.type === 'button');
      const commands = buttons.flatMap((button) => {
        const command = BUTTON_COMMANDS[button.action_id ?? ''];
        return command && button.value ? [command(button.value)] : [];
      });
      return [
        terminalSafe(buttons.map((button) => `[${button.text.text}]`).join(' ')),
        ...(commands.length > 0 ? [terminalSafe(`  at this prompt: ${commands.join(' · ')}`)] : []),
      ];
    }
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
