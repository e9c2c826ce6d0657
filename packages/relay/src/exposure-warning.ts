import { isLoopbackHost } from './http/host-check.js';

/** A log line when the relay is reachable from other machines without a token; else undefined. */
export function exposureWarning(host: string, hasToken: boolean): string | undefined {
  if (isLoopbackHost(host) || hasToken) return undefined;
  return `warning: bound to ${host} without a token, so anyone who can reach this port can read the ticket counts; for web pages bind to 127.0.0.1 behind your intranet's reverse proxy or authentication, and give server-side consumers a token`;
}
