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
    const candidate = fromHeader ?? (queryString ? tokenParameter(queryString) : undefined);
    if (candidate === undefined) return false;
    return timingSafeEqual(digest(candidate), this.#expected);
  }
}

/**
 * The first `token=` value, percent-decoded but with `+` kept as `+`: form decoding would make it
 * a space, which no token contains, while base64 tokens pasted into a URL carry a literal `+`.
 */
function tokenParameter(queryString: string): string | undefined {
  for (const pair of queryString.split('&')) {
    if (!pair.startsWith('token=')) continue;
    try {
      return decodeURIComponent(pair.slice('token='.length));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
