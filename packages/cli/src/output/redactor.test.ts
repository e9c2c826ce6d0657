import { describe, expect, it } from 'vitest';
import { Redactor } from './redactor.js';

describe('Redactor', () => {
  it('scrubs secrets in raw, percent-encoded and form-encoded form', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t value+&=');
    redactor.add(undefined);
    const text = `a s3cr3t value+&= b ${encodeURIComponent('s3cr3t value+&=')} c secret=s3cr3t+value%2B%26%3D`;
    expect(redactor.redact(text)).toBe('a [redacted] b [redacted] c secret=[redacted]');
  });

  it('ignores values too short to be secrets', () => {
    const redactor = new Redactor();
    redactor.add('ab');
    expect(redactor.redact('about')).toBe('about');
  });
});
