import { describe, expect, it } from 'vitest';
import { plainHttpWarning } from './plain-http-warning.js';

describe('plainHttpWarning', () => {
  it('warns when credentials would cross a network in clear text', () => {
    expect(plainHttpWarning('http://billing.example.test/')).toBe(
      'the WHMCS URL is plain http, so the credentials travel in clear text; use https.',
    );
    expect(plainHttpWarning('http://10.0.0.7:8080/whmcs/')).toBeDefined();
  });

  it.each([
    'http://127.0.0.1:18080/',
    'http://127.42.0.9/billing/',
    'http://localhost:8080/',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.1]:8080/',
  ])('stays quiet for the loopback URL %s: nothing leaves this machine', (url) => {
    expect(plainHttpWarning(url)).toBeUndefined();
  });

  it('stays quiet for https', () => {
    expect(plainHttpWarning('https://billing.example.test/')).toBeUndefined();
  });
});
