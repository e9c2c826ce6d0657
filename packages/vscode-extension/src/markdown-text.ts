/**
 * Escapes text from the server (status titles, error details) for a MarkdownString, so a
 * crafted ticket status title cannot turn into a link, an image or a command.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~$&]/g, '\\$&').replace(/\r?\n/g, ' ');
}
