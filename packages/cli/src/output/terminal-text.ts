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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Marks, zero-width spaces and joiners take no column of their own.
const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]+$/u;
// Emoji shown as emoji (by default, or asked for with U+FE0F) take two columns.
const emoji = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
// East Asian Wide and Fullwidth: Hangul, CJK, kana, fullwidth forms (the ranges wcwidth uses).
const eastAsianWide =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u;

/**
 * Width in terminal columns, so that counts line up after any status title: one per character as
 * the user sees it (a letter with its accents), two for CJK and emoji, none for zero-width ones.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (zeroWidth.test(segment)) continue;
    width += emoji.test(segment) || eastAsianWide.test(segment) ? 2 : 1;
  }
  return width;
}
