import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('a=Zq9-secret b=Zq9-secret c=AK.(x)_1', ['Zq9-secret', 'AK.(x)_1'])).toBe(
      'a=[redacted] b=[redacted] c=[redacted]',
    );
  });

  it('replaces the URL-encoded and form-encoded forms a server may echo', () => {
    const secret = 'p@ss word!#(1)';
    const text = `echo: ${encodeURIComponent(secret)} and ${encodeURIComponent(secret).replace(/%20/g, '+')}`;
    const result = redact(text, [secret]);
    expect(result).toBe('echo: [redacted] and [redacted]');
  });

  it('replaces a longer secret whole even when a shorter one is inside it', () => {
    expect(redact('x=abcdef', ['abc', 'abcdef'])).toBe('x=[redacted]');
  });

  it('ignores empty secrets and leaves text without secrets unchanged', () => {
    expect(redact('nothing here', ['', 'absent'])).toBe('nothing here');
  });

  // Finding 8: a server that echoes a secret inside an HTML page or a JSON string escapes it first.
  const special = 'Sp3c ial+/=&<"Secret>ZZ';

  it('replaces the HTML-escaped form a web page shows', () => {
    expect(redact('echo: Sp3c ial+/=&amp;&lt;&quot;Secret&gt;ZZ.', [special])).toBe(
      'echo: [redacted].',
    );
  });

  it.each([
    ['&#39;', "O'Hara-key"],
    ['&#039;', "O'Hara-key"],
    ['&#x27;', "O'Hara-key"],
    ['&apos;', "O'Hara-key"],
  ])('replaces an apostrophe escaped as %s', (entity, secret) => {
    expect(redact(`[${secret.replace("'", entity)}]`, [secret])).toBe('[[redacted]]');
  });

  it('replaces an HTML page that escapes & and < but leaves quotes alone', () => {
    expect(redact('Sp3c ial+/=&amp;&lt;"Secret&gt;ZZ', [special])).toBe('[redacted]');
  });

  it('replaces the JSON-escaped forms, with and without PHP escaping slashes and non-ASCII', () => {
    const raw = '{"echo":"Sp3c ial+\\/=&<\\"Secret>ZZ","b":"Sp3c ial+/=&<\\"Secret>ZZ"}';
    expect(redact(raw, [special])).toBe('{"echo":"[redacted]","b":"[redacted]"}');
    expect(redact('{"e":"Gr\\u00fc\\u00dfe\\\\x"}', ['Grüße\\x'])).toBe('{"e":"[redacted]"}');
  });

  it("replaces PHP's urlencode/rawurlencode forms, which also encode ! ' ( ) *", () => {
    const secret = 'AkDistinct.(93)@_X!*';
    expect(redact('k=AkDistinct.%2893%29%40_X%21%2A', [secret])).toBe('k=[redacted]');
    expect(redact('k=AkDistinct.%2893%29%40_X%21%2a', [secret])).toBe('k=[redacted]');
  });

  it('replaces a lower-case percent-encoding without lower-casing the secret itself', () => {
    expect(redact('k=Ab%2fCd%3d', ['Ab/Cd='])).toBe('k=[redacted]');
  });

  it('leaves its own placeholder alone, so redacting twice changes nothing', () => {
    const once = redact('reader', ['e']);
    expect(once).toBe('r[redacted]ad[redacted]r');
    expect(redact(once, ['e', 'red', 'act'])).toBe(once);
    expect(redact('x=abcdef', ['abcdef', 'e', 'd'])).toBe('x=[redacted]');
  });
});
