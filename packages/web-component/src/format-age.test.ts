import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age.js';

const at = Date.UTC(2026, 0, 1, 12, 0, 0);
const minutes = (n: number) => at + n * 60_000;

describe('formatAge', () => {
  it('says "just now" under a minute, and for clocks slightly ahead', () => {
    expect(formatAge(at, at + 59_999)).toBe('just now');
    expect(formatAge(at, at - 5_000)).toBe('just now');
  });
  it('counts whole minutes below an hour', () => {
    expect(formatAge(at, minutes(1))).toBe('1 min ago');
    expect(formatAge(at, minutes(59) + 59_000)).toBe('59 min ago');
  });
  it('switches to whole hours from one hour on', () => {
    expect(formatAge(at, minutes(60))).toBe('1 h ago');
    expect(formatAge(at, minutes(72 * 60 + 59))).toBe('72 h ago');
  });
});
