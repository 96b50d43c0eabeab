import type { Reply } from './command';

/** How many entries a list reply shows (and how many audit entries are read per subject). */
export const LIST_LIMIT = 25;

/** A bulleted list cut at LIST_LIMIT lines, saying how many more there were. */
export function bullet(lines: string[], empty: string): Reply {
  if (lines.length === 0) return { text: empty };
  const shown = lines.slice(0, LIST_LIMIT);
  return { text: shown.join('\n') + (lines.length > LIST_LIMIT ? `\n…and ${lines.length - LIST_LIMIT} more` : '') };
}
