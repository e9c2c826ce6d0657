import { UsageError } from '../usage-error.js';

// Node timers cannot wait longer than 2^31 - 1 ms; beyond that they fire at once.
const maxSeconds = 2_147_483;

/** A positive number of seconds (fractions allowed, at least `minSeconds`), as milliseconds. */
export function parseSeconds(
  flag: string,
  value: string | undefined,
  fallbackMs: number,
  minSeconds = 0.001,
): number {
  if (value === undefined) return fallbackMs;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(
      `${flag} wants a positive number of seconds, such as ${flag} ${fallbackMs / 1000}.`,
    );
  }
  if (seconds < minSeconds || seconds > maxSeconds) {
    throw new UsageError(`${flag} wants between ${minSeconds} and ${maxSeconds} seconds.`);
  }
  return Math.round(seconds * 1000);
}

/** A TCP port, 0 meaning "any free port". */
export function parsePort(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`${flag} wants a port number from 0 to 65535 (0 picks a free one).`);
  }
  return port;
}

/** A whole number of at least 1, such as a limit on viewers. */
export function parseCount(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || !Number.isSafeInteger(count)) {
    throw new UsageError(
      `${flag} wants a whole number of at least 1, such as ${flag} ${fallback}.`,
    );
  }
  return count;
}
