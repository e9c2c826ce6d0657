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
    const ok = LOOPBACK_NAMES.has(name) || isLoopbackHost(name);
    if (ok) lastAccepted = host;
    return ok;
  };
}

/**
 * Whatever the spelling (`LOCALHOST`, `localhost.`, `127.0.0.1.`, `[::1]`, `0:0:0:0:0:0:0:1`,
 * `::ffff:127.0.0.1`): a loopback address missed here would switch the DNS rebinding guard off,
 * and a loopback Host refused here gives a browser that kept the trailing dot an error.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = withoutFinalDot(
    host
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1'),
  );
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) !== 6) return false;
  let canonical: string;
  try {
    canonical = new URL(`http://[${bare}]/`).hostname;
  } catch {
    return false; // a zone index (fe80::1%eth0) is link-local anyway
  }
  return canonical === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical);
}

/**
 * A fully qualified name ends in one dot and names the same host; no one can serve a page from
 * `localhost.` or `127.0.0.1.` but this machine. IPv6 addresses have no such spelling.
 */
function withoutFinalDot(name: string): string {
  return /^[^:]+\.$/.test(name) ? name.slice(0, -1) : name;
}
