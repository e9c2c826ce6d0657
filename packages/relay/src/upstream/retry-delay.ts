import type { BackoffOptions, WhmcsError } from '@whmcs-ticket-counts/core';

/** Upper bound for the pause between retries while WHMCS keeps failing. */
export const MAX_RETRY_DELAY_MS = 10 * 60_000;

/** setTimeout fires at once above 2^31 - 1 ms; core's engine caps its delays there too. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * The relay engine's backoff: start at one TTL (so "one upstream request per TTL" holds while
 * WHMCS is down), double up to 10 minutes, no jitter (there is one relay, nobody to spread from).
 */
export function relayBackoff(ttlMs: number): Required<BackoffOptions> {
  return { initialMs: ttlMs, maxMs: Math.max(ttlMs, MAX_RETRY_DELAY_MS), factor: 2, jitter: 0 };
}

/**
 * How long core's engine, set up with `relayBackoff`, waits after failure number `failures`
 * before its next attempt. Core does not export its backoff function, so the plain-GET path —
 * where the engine is not polling and sets no timer — needs this copy to respect the same pause;
 * a test pins it to the engine's own schedule.
 */
export function retryDelayMs(
  ttlMs: number,
  failures: number,
  error: Pick<WhmcsError, 'retryable' | 'retryAfterMs'>,
): number {
  const interval = Math.min(ttlMs, MAX_TIMER_DELAY_MS);
  if (!error.retryable) return interval;
  const { initialMs, maxMs, factor } = relayBackoff(ttlMs);
  const exponential = Math.round(Math.min(maxMs, initialMs * factor ** Math.max(0, failures - 1)));
  const serverFloor =
    error.retryAfterMs !== undefined && error.retryAfterMs > 0 ? error.retryAfterMs : 0;
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(exponential, serverFloor));
}
