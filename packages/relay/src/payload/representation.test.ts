import { describe, expect, it } from 'vitest';
import { createRepresentation, ifNoneMatchMatches } from './representation.js';

describe('createRepresentation', () => {
  it('gives equal bodies equal strong ETags and different bodies different ones', () => {
    const a = createRepresentation('{"a":1}');
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(createRepresentation('{"a":1}').etag).toBe(a.etag);
    expect(createRepresentation('{"a":2}').etag).not.toBe(a.etag);
    expect(a.body.toString('utf8')).toBe('{"a":1}');
  });
});

describe('ifNoneMatchMatches', () => {
  const etag = '"abc"';
  it('matches the tag, a list holding it, its weak form and *', () => {
    expect(ifNoneMatchMatches('"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"x", "abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('*', etag)).toBe(true);
  });
  it('does not match other tags, unquoted tags or nothing', () => {
    expect(ifNoneMatchMatches('"abcd"', etag)).toBe(false);
    expect(ifNoneMatchMatches('abc', etag)).toBe(false);
    expect(ifNoneMatchMatches('', etag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, etag)).toBe(false);
  });
});
