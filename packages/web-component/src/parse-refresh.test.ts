import { describe, expect, it } from 'vitest';
import { parseRefresh } from './parse-refresh.js';

describe('parseRefresh', () => {
  it('reads seconds, with a floor of one second', () => {
    expect(parseRefresh('30')).toBe(30);
    expect(parseRefresh('0.2')).toBe(1);
  });
  it('caps at one day (longer timers fire at once in browsers)', () => {
    for (const value of ['86401', '2147484', '1e300']) expect(parseRefresh(value)).toBe(86_400);
  });
  it('accepts live in any case', () => {
    expect(parseRefresh(' LIVE ')).toBe('live');
  });
  it('falls back to 60 for absent, zero, negative or non-numeric values', () => {
    for (const value of [null, '', '0', '-5', 'soon', 'Infinity'])
      expect(parseRefresh(value)).toBe(60);
  });
});
