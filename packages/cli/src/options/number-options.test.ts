import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { parseCount, parsePort, parseSeconds } from './number-options.js';

describe('parseSeconds', () => {
  it('turns seconds into milliseconds and falls back when absent', () => {
    expect(parseSeconds('--timeout', '1', 15_000)).toBe(1000);
    expect(parseSeconds('--timeout', '0.25', 15_000)).toBe(250);
    expect(parseSeconds('--timeout', undefined, 15_000)).toBe(15_000);
  });

  it.each(['0', '-1', 'abc', '', 'Infinity'])('refuses %j', (value) => {
    expect(() => parseSeconds('--timeout', value, 1)).toThrow(UsageError);
    expect(() => parseSeconds('--timeout', value, 1)).toThrow(/--timeout wants a positive number/);
  });

  it('suggests the flag with its own default, not some other number', () => {
    expect(() => parseSeconds('--interval', '0', 2000, 0.1)).toThrow(
      '--interval wants a positive number of seconds, such as --interval 2.',
    );
    expect(() => parseSeconds('--timeout', '-5', 15_000)).toThrow(
      '--timeout wants a positive number of seconds, such as --timeout 15.',
    );
  });
});

it('keeps within the bounds timers can honour and the caller asks for', () => {
  expect(() => parseSeconds('--timeout', '3000000', 1)).toThrow(
    '--timeout wants between 0.001 and 2147483 seconds.',
  );
  expect(() => parseSeconds('--interval', '0.05', 1, 0.1)).toThrow(
    '--interval wants between 0.1 and 2147483 seconds.',
  );
  expect(parseSeconds('--interval', '0.1', 1, 0.1)).toBe(100);
});

describe('parsePort', () => {
  it('accepts 0 to 65535', () => {
    expect(parsePort('--port', '0', 8787)).toBe(0);
    expect(parsePort('--port', '65535', 8787)).toBe(65535);
    expect(parsePort('--port', undefined, 8787)).toBe(8787);
  });

  it.each(['65536', '-1', '80.5', 'http'])('refuses %j', (value) => {
    expect(() => parsePort('--port', value, 1)).toThrow(/--port wants a port number/);
  });
});

describe('parseCount', () => {
  it('accepts whole numbers of at least 1 and falls back when absent', () => {
    expect(parseCount('--max-viewers', '1', 100)).toBe(1);
    expect(parseCount('--max-viewers', '250', 100)).toBe(250);
    expect(parseCount('--max-viewers', undefined, 100)).toBe(100);
  });

  it.each(['0', '-3', '2.5', 'many', ''])('refuses %j', (value) => {
    expect(() => parseCount('--max-viewers', value, 100)).toThrow(
      '--max-viewers wants a whole number of at least 1, such as --max-viewers 100.',
    );
  });
});
