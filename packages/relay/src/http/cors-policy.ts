import type { IncomingMessage } from 'node:http';
import type { HeaderMap } from './send.js';

const NO_HEADERS: Readonly<HeaderMap> = Object.freeze({});
const VARY_ORIGIN: Readonly<HeaderMap> = Object.freeze({ Vary: 'Origin' });

/**
 * For public code (the element script), which anyone can fetch anyway: a module script is a CORS
 * request, so a page not (yet) allowed would otherwise stay blank instead of showing the element's
 * "allows this page" error. The same answer for every Origin, so no `Vary: Origin`; no credentials.
 */
export const ANY_ORIGIN_HEADERS: Readonly<HeaderMap> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
});

export type OriginVerdict =
  /** No Origin header, or the relay's own origin: a same-origin or non-browser request. */
  | { kind: 'same-origin' }
  | { kind: 'allowed'; origin: string }
  | { kind: 'refused'; origin: string };

/**
 * CORS for an exact list of origins: the allowed origin is echoed (never `*`), with `Vary: Origin`
 * so caches keep per-origin copies apart. Nothing is allowed by default. Used on every route but
 * the element script, which gets ANY_ORIGIN_HEADERS.
 */
export class CorsPolicy {
  readonly #allowed: ReadonlySet<string>;

  constructor(allowed: ReadonlySet<string>) {
    this.#allowed = allowed;
  }

  judge(req: IncomingMessage): OriginVerdict {
    const origin = req.headers.origin;
    if (origin === undefined) return { kind: 'same-origin' };
    if (this.#allowed.has(origin)) return { kind: 'allowed', origin };
    const host = req.headers.host;
    if (host && (origin === `http://${host}` || origin === `https://${host}`)) {
      return { kind: 'same-origin' };
    }
    return { kind: 'refused', origin };
  }

  /** Headers for an actual (non-preflight) response; callers copy them, never change them. */
  responseHeaders(verdict: OriginVerdict): Readonly<HeaderMap> {
    if (verdict.kind !== 'allowed') return this.#allowed.size > 0 ? VARY_ORIGIN : NO_HEADERS;
    return {
      'Access-Control-Allow-Origin': verdict.origin,
      'Access-Control-Expose-Headers': 'ETag, Retry-After',
      Vary: 'Origin',
    };
  }

  /** Headers for a successful preflight. */
  preflightHeaders(origin: string): HeaderMap {
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Cache-Control, If-None-Match, Last-Event-ID',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    };
  }
}
