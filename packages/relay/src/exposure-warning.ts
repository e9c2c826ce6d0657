import { isLoopbackHost } from './http/host-check.js';

/** A log line when the relay is reachable from other machines without a token; else undefined. */
export function exposureWarning(host: string, hasToken: boolean): string | undefined {
  if (isLoopbackHost(host) || hasToken) return undefined;
  return `warning: bound to ${host} without a token, so anyone who can reach this port can read the ticket counts; keep this port on an internal network or behind your intranet's authentication, set a token, or bind to 127.0.0.1`;
}
