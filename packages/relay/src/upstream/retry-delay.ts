import {
  type BackoffOptions,
  backoffDelayMs,
  MAX_TIMER_DELAY_MS,
  type WhmcsError,
} from '@whmcs-ticket-counts/core';

/** Upper bound for the pause between retries while WHMCS keeps failing. */
export const MAX_RETRY_DELAY_MS = 10 * 60_000;

/**
 * The relay engine's backoff: start at one TTL (so "one upstream request per TTL" holds while
 * WHMCS is down), double up to 10 minutes, no jitter (there is one relay, nobody to spread from).
 */
export function relayBackoff(ttlMs: number): Required<BackoffOptions> {
  return { initialMs: ttlMs, maxMs: Math.max(ttlMs, MAX_RETRY_DELAY_MS), factor: 2, jitter: 0 };
}

/**
 * How long core's engine, set up with `relayBackoff`, waits after failure number `failures`
 * before its next attempt — the same figure, from core's own backoff function, for the plain-GET
 * path, where the engine is not polling and sets no timer.
 */
export function retryDelayMs(
  ttlMs: number,
  failures: number,
  error: Pick<WhmcsError, 'retryable' | 'retryAfterMs'>,
): number {
  if (!error.retryable) return Math.min(ttlMs, MAX_TIMER_DELAY_MS);
  // relayBackoff has no jitter, so the random source does not matter.
  return backoffDelayMs(failures, relayBackoff(ttlMs), Math.random, error.retryAfterMs);
}
