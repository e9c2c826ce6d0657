/** WHMCS has no rate limit of its own, but WAFs in front of it do: never poll faster than this. */
export const MINIMUM_REFRESH_SECONDS = 30;

/**
 * The refresh interval in milliseconds: 0 (or anything not a positive number) turns automatic
 * refresh off, positive values are raised to the minimum.
 */
export function refreshIntervalMs(
  seconds: unknown,
  minimumSeconds: number = MINIMUM_REFRESH_SECONDS,
): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.round(Math.max(seconds, minimumSeconds) * 1000);
}

/**
 * How long to wait before polling again when the window regains focus: nothing when the newest
 * counts are older than the minimum interval, otherwise the rest of it.
 */
export function resumeDelayMs(
  lastFetchedAt: number | undefined,
  now: number,
  minimumSeconds: number = MINIMUM_REFRESH_SECONDS,
): number {
  if (!lastFetchedAt) return 0;
  return Math.max(0, lastFetchedAt + minimumSeconds * 1000 - now);
}

/** Core's default spread of retry delays, so many clients do not retry in lockstep. */
const RETRY_JITTER = 0.2;
const RETRY_MAX_MS = 10 * 60_000;
/** With automatic refresh off, a retry after a failure still waits this long. */
const RETRY_FALLBACK_MS = 60_000;

/**
 * Core's engine backoff: the first retry after a failure waits at least one refresh interval even
 * after jitter, so a failing server is never asked more often than a healthy one.
 */
export function retryBackoff(intervalMs: number): {
  initialMs: number;
  maxMs: number;
  jitter: number;
} {
  const base = intervalMs > 0 ? intervalMs : RETRY_FALLBACK_MS;
  const initialMs = Math.ceil(base / (1 - RETRY_JITTER));
  return { initialMs, maxMs: Math.max(RETRY_MAX_MS, initialMs), jitter: RETRY_JITTER };
}
