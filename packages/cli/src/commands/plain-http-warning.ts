import { isLoopbackHost } from '@whmcs-ticket-counts/relay';

/**
 * The warning for a plain-http WHMCS URL, or undefined when there is nothing to warn about:
 * https, or a loopback host, where the credentials never cross a network.
 */
export function plainHttpWarning(baseUrl: string | URL): string | undefined {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return undefined;
  return 'the WHMCS URL is plain http, so the credentials travel in clear text; use https.';
}
