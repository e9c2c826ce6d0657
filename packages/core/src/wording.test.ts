import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';
import { Wording, wording } from './wording.js';

describe('wording', () => {
  const clean = (text: string) => redact(text, ['e']);

  it('redacts the holes only', () => {
    const text = wording`The server ${'here'} answered ${503}; check ${'the end'}.`;
    expect(String(text)).toBe('The server here answered 503; check the end.');
    expect(String(text.mapHoles(clean))).toBe(
      'The server h[redacted]r[redacted] answered 503; check th[redacted] [redacted]nd.',
    );
  });

  it('splices nested wording in as our own words, keeping its holes', () => {
    const inner = wording` to ${'elsewhere'} (see)`;
    const outer = wording`Redirected${inner}, then ${'more'}; check.`;
    expect(String(outer)).toBe('Redirected to elsewhere (see), then more; check.');
    expect(String(outer.mapHoles(clean))).toBe(
      'Redirected to [redacted]ls[redacted]wh[redacted]r[redacted] (see), then mor[redacted]; check.',
    );
    expect(String(wording`${wording`a${'e'}`}${'e'}`.mapHoles(clean))).toBe(
      'a[redacted][redacted]',
    );
  });

  it('treats outside text as one hole', () => {
    expect(String(Wording.outside('see me').mapHoles(clean))).toBe(
      's[redacted][redacted] m[redacted]',
    );
  });
});
