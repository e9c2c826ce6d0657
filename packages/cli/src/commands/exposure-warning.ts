import { isLoopbackHost } from '@whmcs-ticket-counts/relay';

/**
 * The warning for `serve --host` beyond loopback, or undefined when only this machine can connect.
 * Without a token the advice matches the README: a page would have to publish a token, so pages
 * get 127.0.0.1 behind the web server, and a token is for server-side consumers.
 */
export function exposureWarning(host: string, hasToken: boolean): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  if (hasToken)
    return `listening on ${host} exposes the relay beyond this machine; put it behind https.`;
  return `listening on ${host} lets other machines read the ticket counts; for web pages keep the default 127.0.0.1 behind your intranet's reverse proxy, and for server-side consumers add --token-file PATH.`;
}
