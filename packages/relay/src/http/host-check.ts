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
  return (req) => {
    const host = req.headers.host;
    if (!host) return false;
    const name = host.replace(/:\d+$/, '').toLowerCase();
    return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name);
  };
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}
