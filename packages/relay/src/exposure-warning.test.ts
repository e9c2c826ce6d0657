import { describe, expect, it } from 'vitest';
import { exposureWarning } from './exposure-warning.js';

describe('exposureWarning', () => {
  it('warns only when bound beyond loopback without a token', () => {
    expect(exposureWarning('0.0.0.0', false)).toMatch(
      /^warning: bound to 0\.0\.0\.0 without a token/,
    );
    expect(exposureWarning('::', false)).toMatch(/set a token or bind to 127\.0\.0\.1$/);
    expect(exposureWarning('0.0.0.0', true)).toBeUndefined();
    expect(exposureWarning('127.0.0.1', false)).toBeUndefined();
    expect(exposureWarning('localhost', false)).toBeUndefined();
    expect(exposureWarning('::1', false)).toBeUndefined();
  });
});
