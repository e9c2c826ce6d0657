/** The first `max` characters of a body as text: scripts, styles and tags stripped, whitespace collapsed. */
export function textSnippet(body: string, max = 200): string {
  const text = body
    .slice(0, 20_000)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
