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
});
