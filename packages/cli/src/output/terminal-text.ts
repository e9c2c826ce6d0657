// C0 and C1 controls (escape sequences start with one) and the bidi overrides that can reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Server-provided text (status titles) is printed to a terminal: strip control characters so a
 * hostile or broken server cannot inject escape sequences, and fold line breaks to spaces.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(unsafeCharacters, '');
}

/** Width in terminal columns, counting code points (good enough for titles; no CJK width table). */
export function displayWidth(text: string): number {
  return [...text].length;
}
