/**
 * Slack escapes &, < and > in the text of slash commands and turns addresses and URLs into links
 * (<mailto:a@example.com|a@example.com>, <https://x.example|x.example>), and channels picked from
 * its list into <#C123|name>. Commands are parsed on what the person typed, so this undoes them.
 * A person picked from the list stays <@U123|name>: their id is what `/prowl assign` needs.
 */
export function typedText(text: string): string {
  return text
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<(?:mailto:|https?:\/\/|tel:)[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(?:mailto:)?([^|>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
