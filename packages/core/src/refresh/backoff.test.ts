import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_BACKOFF,
  InvalidBackoffOptionsError,
  MAX_RETRY_AFTER_MS,
  MAX_TIMER_DELAY_MS,
  resolveBackoffOptions,
} from './backoff.js';

const middle = () => 0.5; // no jitter

describe('backoffDelayMs', () => {
  it('doubles from 5 s and caps at 5 min by default', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) =>
      backoffDelayMs(n, DEFAULT_BACKOFF, middle),
    );
    expect(delays).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('spreads each delay by at most ±20 %', () => {
    for (const failures of [1, 3, 10]) {
      const base = backoffDelayMs(failures, DEFAULT_BACKOFF, middle);
      expect(backoffDelayMs(failures, DEFAULT_BACKOFF, () => 0)).toBe(base * 0.8);
      expect(backoffDelayMs(failures, DEFAULT_BACKOFF, () => 0.999_999)).toBeCloseTo(
        base * 1.2,
        -1,
      );
      for (let i = 0; i <= 100; i++) {
        const delay = backoffDelayMs(failures, DEFAULT_BACKOFF, () => i / 100);
        expect(delay).toBeGreaterThanOrEqual(base * 0.8);
        expect(delay).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });

  it('treats a broken random source as no jitter instead of producing NaN', () => {
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, () => Number.NaN)).toBe(5_000);
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, () => 7)).toBe(6_000);
  });

  it('never waits less than Retry-After, even beyond the cap', () => {
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, middle, 120_000)).toBe(120_000);
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, middle, 600_000)).toBe(600_000);
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, middle, 1_000)).toBe(20_000);
  });

  it('honours Retry-After up to an hour: a longer one is a misconfiguration or a wrong clock', () => {
    // Waiting days (or setTimeout's 24.8-day limit) would look like a dead tool; one request an
    // hour hammers nobody.
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, middle, 3_600_000)).toBe(3_600_000);
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, middle, 2 * 3_600_000)).toBe(MAX_RETRY_AFTER_MS);
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, middle, 90 * 24 * 3_600_000)).toBe(
      MAX_RETRY_AFTER_MS,
    );
    // A backoff configured beyond an hour still applies in full.
    const slow = { ...DEFAULT_BACKOFF, initialMs: 3 * 3_600_000, maxMs: 3 * 3_600_000 };
    expect(backoffDelayMs(1, slow, middle, 2 * 3_600_000)).toBe(3 * 3_600_000);
  });

  it('stays within what setTimeout can wait', () => {
    const huge = { ...DEFAULT_BACKOFF, initialMs: 90 * 24 * 3_600_000, maxMs: 90 * 24 * 3_600_000 };
    expect(backoffDelayMs(1, huge, middle)).toBe(MAX_TIMER_DELAY_MS);
  });
});

describe('resolveBackoffOptions', () => {
  it('fills in the defaults and keeps what is given', () => {
    expect(resolveBackoffOptions({ initialMs: 1_000, maxMs: undefined })).toEqual({
      ...DEFAULT_BACKOFF,
      initialMs: 1_000,
    });
  });

  it.each([
    { initialMs: 0 },
    { initialMs: 10_000, maxMs: 5_000 },
    { factor: 0.5 },
    { jitter: 1 },
    { jitter: -0.1 },
    { initialMs: Number.NaN },
  ])('rejects %o', (options) => {
    expect(() => resolveBackoffOptions(options)).toThrow(InvalidBackoffOptionsError);
  });
});
