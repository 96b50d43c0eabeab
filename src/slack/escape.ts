/**
 * The one escaping function for untrusted text: every value that came from a log record, a scanned
 * resource or a person's input goes through `untrusted` before it becomes Slack mrkdwn or terminal
 * text. Prowl's own markup (bold labels, code spans, `<@U…>` mentions of Slack's user ids, rule
 * reference links) is written around the escaped values, never inside them.
 *
 * - `&`, `<` and `>` become entities, so no `<!channel>`, `<@U…>`, `<#C…>` or `<https://…|label>`
 *   of input origin is ever a ping, mention or link;
 * - control characters (ANSI escapes such as `\u001b[2J`, NUL, bidirectional overrides) are removed;
 * - a line break becomes a visible `⏎` (in `inline` text, the default), so input cannot start a new
 *   line that reads like one of Prowl's fields ("*Status* Resolved");
 * - runs of backticks are broken with a zero-width space, so input cannot close a ``` block;
 * - in `lines` text (inside a ``` block, or a multi-line explanation) line breaks are kept;
 * - `plain` text (Block Kit `plain_text`: headers, options, modal titles) is not parsed by Slack, so it
 *   keeps `&`, `<`, `>` as they are but loses control characters and line breaks like inline text.
 */
export type UntrustedAs = 'inline' | 'lines' | 'plain';

// C0 and C1 controls except tab and line feed, DEL, and the bidirectional embedding/override/isolate marks.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';

export function untrusted(text: string, as: UntrustedAs = 'inline'): string {
  // Unicode line and paragraph separators are never Prowl's own line breaks (and JSON.stringify keeps them raw).
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, ' ⏎ ')
    .replace(CONTROL, '');
  if (as === 'plain') return lines.replace(/\n/g, ' ⏎ ').replace(/\t/g, ' ');
  const cleaned = lines
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`(?=`)/g, `\`${ZERO_WIDTH_SPACE}`);
  return as === 'lines' ? cleaned : cleaned.replace(/\n/g, ' ⏎ ').replace(/\t/g, ' ');
}

/** Plain text for a terminal: control characters removed (the escapes that clear or rewrite a screen). */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** Text that is already mrkdwn built by Prowl (a mention, a nested `mrkdwn` result): inserted as is. */
export class Markup {
  constructor(readonly text: string) {}
}

export function markup(text: string): Markup {
  return new Markup(text);
}

/**
 * A template tag for mrkdwn: the literal parts are Prowl's markup, every interpolated value is
 * escaped with `untrusted` (on one line) unless it is `Markup`.
 */
export function mrkdwn(strings: TemplateStringsArray, ...values: Array<string | number | Markup>): string {
  return strings.reduce((text, literal, index) => {
    if (index === 0) return literal;
    const value = values[index - 1]!;
    return text + (value instanceof Markup ? value.text : untrusted(String(value))) + literal;
  }, '');
}
