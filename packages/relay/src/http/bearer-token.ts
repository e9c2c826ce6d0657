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

  /** `Authorization: Bearer <token>`, or — where allowed — the `token` query parameter. */
  accepts(req: IncomingMessage, url: URL, allowQueryToken: boolean): boolean {
    const header = req.headers.authorization;
    const fromHeader = header?.match(/^Bearer[ ]+(\S+)\s*$/i)?.[1];
    const candidate = fromHeader ?? (allowQueryToken ? url.searchParams.get('token') : null);
    if (candidate === null || candidate === undefined) return false;
    return timingSafeEqual(digest(candidate), this.#expected);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
