import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Checks viewers' tokens in constant time. Both sides are hashed first so the comparison takes
 * the same time whatever the length of the guess.
 */
export class BearerTokenCheck {
  readonly #expected: Buffer;

  constructor(token: string) {
    this.#expected = digest(token);
  }

  /**
   * `Authorization: Bearer <token>`, or — where the route allows it, by passing its query string —
   * the `token` query parameter.
   */
  accepts(req: IncomingMessage, queryString?: string): boolean {
    const header = req.headers.authorization;
    const fromHeader = header?.match(/^Bearer[ ]+(\S+)\s*$/i)?.[1];
    const candidate =
      fromHeader ?? (queryString ? new URLSearchParams(queryString).get('token') : null);
    if (candidate === null || candidate === undefined) return false;
    return timingSafeEqual(digest(candidate), this.#expected);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
