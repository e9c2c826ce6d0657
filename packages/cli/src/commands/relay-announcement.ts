/**
 * The lines `serve` prints once the relay answers. A relay bound to every interface (0.0.0.0 or
 * ::) has no single address to print: 0.0.0.0 is not a place a browser can go, so this machine
 * gets its loopback URLs and the listening line says how other machines reach it.
 */
export function relayAnnouncement(relayUrl: string): string[] {
  const url = new URL(relayUrl);
  const wildcard = url.hostname === '0.0.0.0' || url.hostname === '[::]';
  if (wildcard) url.hostname = url.hostname === '0.0.0.0' ? '127.0.0.1' : '[::1]';
  return [
    wildcard
      ? `Relay listening on every interface, port ${url.port}; from other machines use this machine's name or address`
      : `Relay listening on ${relayUrl}`,
    `Counts:    ${new URL('/ticket-counts', url).href}`,
    `Demo page: ${new URL('/', url).href}  (Ctrl-C stops)`,
  ];
}
