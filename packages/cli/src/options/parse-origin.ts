import { UsageError } from '../usage-error.js';

/** An origin as browsers send it: scheme, host and port only (a trailing slash is tolerated). */
export function parseOrigin(origin: string): string {
  // URL parses "https://*.example.com" as a host named "*.example.com", which no browser sends.
  if (origin.includes('*')) {
    throw new UsageError(
      '--allow-origin takes exact origins, not wildcards; repeat it for each site, such as --allow-origin https://a.example.com --allow-origin https://b.example.com.',
    );
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  const bare =
    parsed !== undefined &&
    /^https?:$/.test(parsed.protocol) &&
    parsed.pathname === '/' &&
    parsed.search === '' &&
    parsed.hash === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    !origin.endsWith('?') &&
    !origin.endsWith('#');
  if (!bare || parsed === undefined) {
    throw new UsageError(
      '--allow-origin takes an origin such as https://intranet.example.com (scheme, host and optional port, no path).',
    );
  }
  return parsed.origin;
}
