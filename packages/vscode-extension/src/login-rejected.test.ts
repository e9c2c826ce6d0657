import { describe, expect, it } from 'vitest';
import { loginRejected } from './login-rejected.js';

describe('loginRejected', () => {
  it('is true only where resending the login counts toward an IP ban', () => {
    expect(loginRejected('authentication')).toBe(true);
    expect(loginRejected('ip-banned')).toBe(true);
    for (const kind of [
      'redirect',
      'permission',
      'ip-not-allowed',
      'access-key',
      'licence',
    ] as const)
      expect(loginRejected(kind)).toBe(false);
  });
});
