import { describe, expect, it } from 'vitest';
import { scrubKind, scrubMessage } from './scrub-message.js';

describe('scrubMessage', () => {
  it('removes URL userinfo, secret-looking fields, bearer tokens and configured secrets', () => {
    const message =
      'GET https://api-user:p%40ss@whmcs.example/billing/includes/api.php?identifier=ID1&secret=S3CR3T failed; Bearer abc.def; key Zz-9-long-secret';
    const scrubbed = scrubMessage(message, ['Zz-9-long-secret']);
    expect(scrubbed).toBe(
      'GET https://whmcs.example/billing/includes/api.php?identifier=[redacted]&secret=[redacted] failed; Bearer [redacted]; key [redacted]',
    );
  });

  it('redacts the URL-encoded form of a configured secret too', () => {
    expect(scrubMessage('sent a+b/c= along', ['a+b/c='])).toBe('sent [redacted] along');
    expect(scrubMessage('sent a%2Bb%2Fc%3D along', ['a+b/c='])).toBe('sent [redacted] along');
  });

  it('keeps one bounded line and never answers with nothing', () => {
    expect(scrubMessage('line one\r\nline two\u0007', [])).toBe('line one line two');
    // C1 controls drive terminals reading the log; bidi overrides disguise the text around them.
    expect(scrubMessage('Odd \u009b31m red \u202eevil\u202c end', [])).toBe('Odd 31m red evil end');
    expect(scrubMessage('x'.repeat(1000), [])).toHaveLength(300);
    expect(scrubMessage(undefined, [])).toMatch(/failed; check the relay log\.$/);
    expect(scrubMessage('   ', [])).toMatch(/failed; check the relay log\.$/);
  });
});

describe('scrubKind', () => {
  it('passes short identifiers and replaces anything else', () => {
    expect(scrubKind('ip-not-allowed')).toBe('ip-not-allowed');
    expect(scrubKind('Authentication Failed')).toBe('unknown');
    expect(scrubKind('<script>')).toBe('unknown');
    expect(scrubKind(42)).toBe('unknown');
  });
});
