/** How long to wait before retrying after consecutive retryable failures. */
export interface BackoffOptions {
  /** Delay after the first failure; default 5 s. */
  initialMs?: number;
  /** Upper bound of the exponential part; default 5 min. */
  maxMs?: number;
  /** Growth per consecutive failure; default 2. */
  factor?: number;
  /** Relative spread, 0.2 = ±20 %; default 0.2. */
  jitter?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialMs: 5_000,
  maxMs: 5 * 60_000,
  factor: 2,
  jitter: 0.2,
};

/** setTimeout fires at once for delays above 2^31 - 1 ms, which would turn a long wait into a request storm. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * The longest Retry-After honoured beyond the backoff itself. A longer one is a misconfigured WAF
 * or a wrong clock (an HTTP date years ahead): waiting it out would look like a dead tool, while
 * one request an hour hammers nobody.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

export class InvalidBackoffOptionsError extends Error {
  override readonly name = 'InvalidBackoffOptionsError';
}

export function resolveBackoffOptions(options: BackoffOptions = {}): Required<BackoffOptions> {
  const resolved = { ...DEFAULT_BACKOFF, ...withoutUndefined(options) };
  const { initialMs, maxMs, factor, jitter } = resolved;
  if (!(initialMs > 0) || !(maxMs >= initialMs) || !(factor >= 1) || !(jitter >= 0 && jitter < 1)) {
    throw new InvalidBackoffOptionsError(
      'The refresh backoff options are invalid; use initialMs > 0, maxMs >= initialMs, factor >= 1 and 0 <= jitter < 1.',
    );
  }
  return resolved;
}

/**
 * The delay before retry number `failures` (1 = first failure): initialMs · factor^(failures-1),
 * capped at maxMs, spread by ±jitter so many clients do not retry in lockstep, and never shorter
 * than the server's Retry-After (itself capped at MAX_RETRY_AFTER_MS, or maxMs when that is longer).
 */
export function backoffDelayMs(
  failures: number,
  options: Required<BackoffOptions>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponent = Math.max(0, failures - 1);
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** exponent);
  const spread = 1 + options.jitter * (2 * clampUnit(random()) - 1);
  const jittered = Math.round(base * spread);
  const floor =
    retryAfterMs !== undefined && retryAfterMs > 0
      ? Math.min(retryAfterMs, Math.max(MAX_RETRY_AFTER_MS, options.maxMs))
      : 0;
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(jittered, floor));
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
