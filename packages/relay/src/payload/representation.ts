import { createHash } from 'node:crypto';

/** A serialised body with its strong ETag, computed once per change rather than per request. */
export interface Representation {
  readonly text: string;
  readonly body: Buffer;
  readonly etag: string;
}

export function createRepresentation(text: string): Representation {
  const body = Buffer.from(text, 'utf8');
  return { text, body, etag: strongEtag(body) };
}

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 If-None-Match: weak comparison, a list of tags or `*`. */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}
