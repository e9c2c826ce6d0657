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

  it('scrubs a secret a server echoed HTML-escaped', () => {
    const redactor = new Redactor();
    redactor.add('Sp3c ial+/=&<"Secret>ZZ');
    expect(redactor.redact('<p>Sp3c ial+/=&amp;&lt;&quot;Secret&gt;ZZ</p>')).toBe(
      '<p>[redacted]</p>',
    );
  });

  it('leaves free text alone for values too short to be secrets, but still lists them', () => {
    const redactor = new Redactor();
    redactor.add('ab');
    expect(redactor.redact('about')).toBe('about');
    expect(redactor.secrets).toEqual(['ab']);
  });
});
