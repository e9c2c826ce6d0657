import type { WhmcsError } from '../errors/whmcs-error.js';

/** A snapshot of a refresh engine; every transition produces a new, frozen object. */
export interface RefreshState<T> {
  /** Last good value, kept when a later attempt fails. */
  value?: T;
  /** ms epoch of the last good value. */
  fetchedAt?: number;
  /** A later attempt failed, so `value` may be out of date. */
  stale: boolean;
  /** Last failure, cleared by a success. */
  error?: WhmcsError;
  /** Stopped after a stopsPolling error until reset(). */
  halted: boolean;
  refreshing: boolean;
  /** ms epoch of the next automatic attempt, when one is scheduled. */
  nextRefreshAt?: number;
  consecutiveFailures: number;
}

export function initialRefreshState<T>(): RefreshState<T> {
  return Object.freeze({ stale: false, halted: false, refreshing: false, consecutiveFailures: 0 });
}
