/**
 * Escapes text from the server (status titles, error details) for a MarkdownString, so a
 * crafted ticket status title cannot turn into a link, an image or a command.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]()<>#+\-.!|~$&]/g, '\\$&')
      .replace(/\r?\n/g, ' ')
      // The tooltip renders `$(icon)` after Markdown has undone its escapes: a literal backslash in
      // front ("\\$\(") leaves "\$(" for that pass, which shows it as text (as appendText does).
      .split('\\$\\(')
      .join('\\\\$\\(')
  );
}

/**
 * Makes text from the server safe for a notification: VS Code turns `[label](target)` there
 * (targets `command:`, `https://`, `file:`) into a link it opens with commands allowed, so a WHMCS
 * error message must not carry one. A space between `]` and `(` leaves the text readable.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\s*\(/g, '] (');
}
