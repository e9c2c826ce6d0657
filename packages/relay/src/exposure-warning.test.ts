import { describe, expect, it } from 'vitest';
import { exposureWarning } from './exposure-warning.js';

describe('exposureWarning', () => {
  it('warns only when bound beyond loopback without a token', () => {
    expect(exposureWarning('0.0.0.0', false)).toMatch(
      /^warning: bound to 0\.0\.0\.0 without a token/,
    );
    // The README's advice: pages get loopback behind the intranet's proxy (a token in a page is
    // public), a token is for server-side consumers.
    expect(exposureWarning('::', false)).toMatch(
      /; for web pages bind to 127\.0\.0\.1 behind your intranet's reverse proxy or authentication, and give server-side consumers a token$/,
    );
    expect(exposureWarning('0.0.0.0', true)).toBeUndefined();
    expect(exposureWarning('127.0.0.1', false)).toBeUndefined();
    expect(exposureWarning('localhost', false)).toBeUndefined();
    expect(exposureWarning('::1', false)).toBeUndefined();
  });
});
