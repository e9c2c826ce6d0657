import { describe, expect, it } from 'vitest';
import { exposureWarning } from './exposure-warning.js';

describe('exposureWarning', () => {
  it('warns only when bound beyond loopback without a token', () => {
    expect(exposureWarning('0.0.0.0', false)).toMatch(
      /^warning: bound to 0\.0\.0\.0 without a token/,
    );
    // The recommended set-up for pages (no token, internal network or the intranet's own
    // authentication) comes first; a token and loopback are the alternatives.
    expect(exposureWarning('::', false)).toMatch(
      /; keep this port on an internal network or behind your intranet's authentication, set a token, or bind to 127\.0\.0\.1$/,
    );
    expect(exposureWarning('0.0.0.0', true)).toBeUndefined();
    expect(exposureWarning('127.0.0.1', false)).toBeUndefined();
    expect(exposureWarning('localhost', false)).toBeUndefined();
    expect(exposureWarning('::1', false)).toBeUndefined();
  });
});
