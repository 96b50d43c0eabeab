import type { KnownBlock } from '@slack/types';

/** A Slack message as Prowl builds it: blocks inside a coloured attachment, plain text as fallback. */
export interface SlackMessage {
  text: string;
  color?: string;
  blocks: KnownBlock[];
}

/** Slack's published limits for what Prowl sends. */
export const SLACK_LIMITS = {
  blocks: 50,
  /** A Home tab (views.publish) holds twice as many blocks as a message. */
  homeBlocks: 100,
  blockId: 255,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fallbackText: 40000,
};

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Returns every way a message breaks Slack's limits; builders must keep this empty. */
export function limitViolations(message: SlackMessage): string[] {
  const problems = blockViolations(message.blocks, SLACK_LIMITS.blocks);
  if (message.text.length > SLACK_LIMITS.fallbackText) problems.push('fallback text too long');
  return problems;
}

/** Every way a list of blocks (a message's, or a view's with its own block cap) breaks Slack's limits. */
export function blockViolations(blocks: readonly KnownBlock[], maxBlocks: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  check(blocks.length <= maxBlocks, `${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = blocks.map((block) => block.block_id).filter((id): id is string => id !== undefined);
  check(new Set(blockIds).size === blockIds.length, 'block ids repeat');
  blockIds.forEach((id) => check(id.length <= SLACK_LIMITS.blockId, `block id over ${SLACK_LIMITS.blockId} chars`));
  blocks.forEach((block, i) => {
    if (block.type === 'header') check(block.text.text.length <= SLACK_LIMITS.headerText, `block ${i}: header over ${SLACK_LIMITS.headerText} chars`);
    if (block.type === 'section') {
      if (block.text) check(block.text.text.length <= SLACK_LIMITS.sectionText, `block ${i}: section text over ${SLACK_LIMITS.sectionText} chars`);
      const fields = block.fields ?? [];
      check(fields.length <= SLACK_LIMITS.fields, `block ${i}: ${fields.length} fields > ${SLACK_LIMITS.fields}`);
      fields.forEach((field, j) => check(field.text.length <= SLACK_LIMITS.fieldText, `block ${i} field ${j}: over ${SLACK_LIMITS.fieldText} chars`));
    }
    if (block.type === 'context') check(block.elements.length <= SLACK_LIMITS.contextElements, `block ${i}: too many context elements`);
    if (block.type === 'actions') {
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        check(element.text.text.length <= SLACK_LIMITS.buttonText, `block ${i}: button text over ${SLACK_LIMITS.buttonText} chars`);
        check((element.value ?? '').length <= SLACK_LIMITS.buttonValue, `block ${i}: button value over ${SLACK_LIMITS.buttonValue} chars`);
        check((element.action_id ?? '').length <= SLACK_LIMITS.actionId, `block ${i}: action_id too long`);
      }
    }
  });
  return problems;
}
