import type { WhmcsError } from '@whmcs-ticket-counts/core';

/**
 * Whether `serve`'s start-up check should end the command instead of warning. Only a passing
 * failure (timeout, network, 5xx, 429, a maintenance page) is worth waiting out; anything else —
 * a wrong secret, or a URL where nothing answers (404, 405, 501) — is a mistake in the
 * configuration that retrying once per TTL would never fix.
 */
export function endsServeAtStartup(error: WhmcsError): boolean {
  if (!error.retryable) return true;
  const status = (error as { status?: unknown }).status;
  // 501 Not Implemented: the server does not do POST there at all (a static file server, say).
  return status === 501;
}
