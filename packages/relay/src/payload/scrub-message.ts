const MAX_MESSAGE_LENGTH = 300;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;
const SECRET_FIELDS =
  /\b(secret|password|passwd|token|accesskey|access_key|api_key|apikey|identifier)=[^\s&;,]*/gi;
const BEARER = /\bBearer\s+[^\s;,]+/gi;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;
// C1 controls (some terminals act on them, as on ESC) and the bidi controls that reorder text.
const INVISIBLE_CONTROLS = /[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes an error message safe for strangers. Core's messages are already secret-free; this is
 * the second line of defence for loads we did not write: no URL userinfo, no `secret=...`
 * fields, none of the configured secrets, one line, bounded length.
 */
export function scrubMessage(message: unknown, redact: readonly string[]): string {
  let text = typeof message === 'string' ? message : '';
  for (const secret of redact) {
    text = text.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) text = text.split(encoded).join('[redacted]');
  }
  text = text
    .replace(URL_USERINFO, '$1')
    .replace(SECRET_FIELDS, '$1=[redacted]')
    .replace(BEARER, 'Bearer [redacted]')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .trim();
  if (text.length > MAX_MESSAGE_LENGTH) text = `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
  return text || 'Fetching the ticket counts failed; check the relay log.';
}

/** Error kinds are short identifiers; anything else is not passed on. */
export function scrubKind(kind: unknown): string {
  return typeof kind === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(kind) ? kind : 'unknown';
}
