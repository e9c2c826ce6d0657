import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

const middle = () => 0.5; // no jitter

describe('retryDelayMs', () => {
  it('doubles from two seconds', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, middle))).toEqual([2_000, 4_000, 8_000, 16_000]);
  });
  it('stops growing at five minutes', () => {
    expect(retryDelayMs(9, middle)).toBe(300_000);
    expect(retryDelayMs(500, middle)).toBe(300_000);
  });
  it('spreads retries by up to 20 % either way', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, () => 0.999_999)).toBe(2_400);
  });
});
