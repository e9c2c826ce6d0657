import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Defends a loopback relay against DNS rebinding: a foreign page whose name resolves to
 * 127.0.0.1 would otherwise read the counts as "same origin". When bound to loopback, the Host
 * header must name loopback; when bound elsewhere the operator chose to expose it, so any Host goes.
 */
export function createHostCheck(boundHost: string): (req: IncomingMessage) => boolean {
  if (!isLoopbackHost(boundHost)) return () => true;
  // Clients send the same Host on every request: remember the last good one.
  let lastAccepted: string | undefined;
  return (req) => {
    const host = req.headers.host;
    if (!host) return false;
    if (host === lastAccepted) return true;
    const name = host.replace(/:\d+$/, '').toLowerCase();
    const ok = LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name);
    if (ok) lastAccepted = host;
    return ok;
  };
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}
