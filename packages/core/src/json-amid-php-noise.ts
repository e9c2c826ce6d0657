/**
 * PHP with display_errors on prints notices, or a byte order mark, around the API's JSON: before
 * it, and after it when a hook or shutdown function raises one once the answer is out. The answer
 * itself is intact, so read the object that starts at `{"result"` up to its own closing brace.
 * Returns `undefined` when there is no such object.
 */
export function jsonAmidPhpNoise(body: string): unknown {
  const start = body.indexOf('{"result"');
  if (start < 0) return undefined;
  const end = endOfJsonValue(body, start);
  if (end === undefined) return undefined;
  try {
    return JSON.parse(body.slice(start, end));
  } catch {
    return undefined;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Just past the bracket that closes the one opened at `start`; strings are skipped whole. */
function endOfJsonValue(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
