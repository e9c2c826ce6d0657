import { expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

it('says a wait in seconds, minutes, hours or days, from two of a unit or exactly one, rounded up', () => {
  expect(formatDuration(0)).toBe('a moment');
  expect(formatDuration(400)).toBe('1 second');
  expect(formatDuration(45_000)).toBe('45 seconds');
  expect(formatDuration(89_000)).toBe('89 seconds');
  expect(formatDuration(119_000)).toBe('119 seconds');
  expect(formatDuration(150_000)).toBe('3 minutes');
  expect(formatDuration(90 * 60_000)).toBe('90 minutes');
  expect(formatDuration(60 * 60_000)).toBe('1 hour');
  expect(formatDuration(2 * 60 * 60_000)).toBe('2 hours');
  expect(formatDuration(99_999_999_000)).toBe('1158 days');
});
