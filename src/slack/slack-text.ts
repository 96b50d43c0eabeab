/**
 * Slack escapes &, < and > in the text of slash commands and turns addresses and URLs into links
 * (<mailto:a@example.com|a@example.com>, <https://x.example|x.example>). Commands are parsed on
 * what the person typed, so this undoes both.
 */
export function typedText(text: string): string {
  return text
    .replace(/<(?:mailto:|https?:\/\/|tel:)[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(?:mailto:)?([^|>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
