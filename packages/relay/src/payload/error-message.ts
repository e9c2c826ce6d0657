import { IpNotAllowedError, RedirectError, WhmcsError } from '@whmcs-ticket-counts/core';
import { scrubMessage } from './scrub-message.js';
import { UpstreamAddress } from './upstream-address.js';

/**
 * The message for the relay's log, which only the admin reads: secrets out, the WHMCS address
 * kept, since it says where the relay looked.
 */
export function adminMessage(error: unknown, redact: readonly string[]): string {
  return scrubMessage(redactedText(error, redact), []);
}

/**
 * The message for viewers: as for the admin, but the WHMCS address reads "WHMCS" (except the IP
 * WHMCS refused, which it quotes), and the target of a redirect to another server (a single
 * sign-on page, an old host) reads "another server".
 */
export function viewerMessage(
  error: unknown,
  redact: readonly string[],
  upstream: UpstreamAddress | undefined,
): string {
  let text = redactedText(error, redact);
  // Hidden before scrubbing, which cuts long messages and could leave half an address behind.
  // The IP WHMCS refused stays: it is what the admin must allow, even when WHMCS has that address.
  const quoted = error instanceof IpNotAllowedError ? error.ip : undefined;
  if (upstream) text = upstream.hide(text, quoted);
  if (error instanceof RedirectError) {
    text = UpstreamAddress.from(error.location, 'another server')?.hide(text) ?? text;
  }
  return scrubMessage(text, []);
}

/**
 * Core's errors know which parts of their message came from outside and redact only those, so a
 * short secret ("e") cannot rewrite core's own words; anything else is redacted whole.
 */
function redactedText(error: unknown, redact: readonly string[]): string {
  if (error instanceof WhmcsError) return error.redactSecrets(redact).message;
  // The type says WhmcsError, but a load we did not write can fail with anything.
  const message = (error as { message?: unknown } | undefined)?.message;
  return scrubMessage(message, redact);
}
