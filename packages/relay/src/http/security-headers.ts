/** Sent on every response: no MIME sniffing, no referrer leaking the relay's URL (or a ?token=). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/** The relay's own pages are never meant to be framed. */
export const FRAME_DENY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Frame-Options': 'DENY',
});
