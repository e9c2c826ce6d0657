import { describe, expect, it } from 'vitest';
import { formatSeconds } from './format-seconds.js';

describe('formatSeconds', () => {
  it('says seconds to a tenth, singular for exactly one', () => {
    expect(formatSeconds(15_000)).toBe('15 seconds');
    expect(formatSeconds(1_000)).toBe('1 second');
    expect(formatSeconds(500)).toBe('0.5 seconds');
  });

  // Found by a tester: `get --timeout 0.001` said "within 0 seconds".
  it('says milliseconds where tenths of a second would round to 0, never "0 seconds"', () => {
    expect(formatSeconds(1)).toBe('1 ms');
    expect(formatSeconds(49)).toBe('49 ms');
    expect(formatSeconds(0.4)).toBe('less than 1 ms');
  });
});
