import type { RefreshEngine, RefreshState, TicketCounts } from '@whmcs-ticket-counts/core';
import { retryDelayMs } from './retry-delay.js';

export interface UpstreamPolicyOptions {
  engine: RefreshEngine<TicketCounts>;
  ttlMs: number;
  /** When the last upstream attempt began (ms epoch), as recorded by the logged load. */
  lastAttemptAt: () => number | undefined;
  now?: () => number;
}

/**
 * Decides when WHMCS is asked, so that it sees at most one request per TTL however many viewers
 * there are, and none while nobody is watching:
 * - while at least one SSE viewer is connected the engine polls on its own, every TTL;
 * - otherwise a plain GET refreshes on demand once the last attempt is a TTL old (the engine's
 *   single-flight makes concurrent GETs share one request);
 * - after a failure, GETs and a first viewer wait exactly as long as the polling engine would
 *   (backoff from one TTL, doubling, never before WHMCS's Retry-After): the engine only keeps
 *   that schedule while it polls, so the policy records it for the time it does not;
 * - after a halting failure (authentication, permissions, ...) nothing asks again until restart.
 */
export class UpstreamPolicy {
  readonly #engine: RefreshEngine<TicketCounts>;
  readonly #ttlMs: number;
  readonly #lastAttemptAt: () => number | undefined;
  readonly #now: () => number;
  readonly #unsubscribe: () => void;
  /** When the backoff after the last failure ends (ms epoch); unset after a success. */
  #retryAt: number | undefined;
  #watchers = 0;
  #running = false;
  #startTimer: NodeJS.Timeout | undefined;
  #stopWhenSettled: (() => void) | undefined;
  #closed = false;

  constructor(options: UpstreamPolicyOptions) {
    this.#engine = options.engine;
    this.#ttlMs = options.ttlMs;
    this.#lastAttemptAt = options.lastAttemptAt;
    this.#now = options.now ?? Date.now;
    this.#unsubscribe = this.#engine.onDidChange((state, previous) => {
      if (state.consecutiveFailures === 0) {
        this.#retryAt = undefined;
      } else if (state.consecutiveFailures > previous.consecutiveFailures && state.error) {
        this.#retryAt =
          this.#now() + retryDelayMs(this.#ttlMs, state.consecutiveFailures, state.error);
      }
    });
  }

  /**
   * Whether a plain GET must wait for WHMCS: a request is running, or the cache has expired and
   * nobody else (the polling engine, a halt) is in charge. Synchronous, so cached GETs stay cheap.
   */
  mustRefresh(): boolean {
    const state = this.#engine.state;
    if (state.refreshing) return true;
    if (this.#closed || state.halted || this.#running || this.#startTimer) return false;
    return this.msUntilNextAttempt() === 0;
  }

  /** For a plain GET: the state to answer with, refreshed first if the cache has expired. */
  async currentState(): Promise<RefreshState<TicketCounts>> {
    return this.mustRefresh() ? this.#engine.refresh() : this.#engine.state;
  }

  /**
   * How long until the next upstream attempt (the polling engine's timer while it runs) or until
   * the TTL and any backoff allow one; 0 when it may happen now. Meaningless while halted.
   */
  msUntilNextAttempt(): number {
    const now = this.#now();
    const scheduled = this.#running ? this.#engine.state.nextRefreshAt : undefined;
    if (scheduled !== undefined) return Math.max(0, scheduled - now);
    const last = this.#lastAttemptAt();
    const ttlEnds = last === undefined ? now : last + this.#ttlMs;
    return Math.max(0, ttlEnds - now, (this.#retryAt ?? now) - now);
  }

  /** An SSE viewer joined. */
  watcherAdded(): void {
    this.#watchers += 1;
    this.#cancelPendingStop();
    if (this.#watchers === 1) this.#startPolling();
  }

  /** An SSE viewer left. */
  watcherRemoved(): void {
    this.#watchers = Math.max(0, this.#watchers - 1);
    if (this.#watchers === 0) this.#stopPolling();
  }

  close(): void {
    this.#closed = true;
    this.#unsubscribe();
    this.#cancelPendingStop();
    this.#clearStartTimer();
    this.#running = false;
    this.#engine.stop();
  }

  #startPolling(): void {
    if (this.#closed || this.#running || this.#startTimer) return;
    // engine.start() loads at once: wait until the TTL since the last attempt has passed.
    const delay = this.msUntilNextAttempt();
    if (delay === 0) {
      this.#running = true;
      this.#engine.start();
      return;
    }
    this.#startTimer = setTimeout(() => {
      this.#startTimer = undefined;
      this.#startPolling();
    }, delay);
  }

  #stopPolling(): void {
    this.#clearStartTimer();
    if (!this.#running) return;
    if (!this.#engine.state.refreshing) {
      this.#running = false;
      this.#engine.stop();
      return;
    }
    // stop() would abort a request WHMCS already received and waste it (GETs may be waiting on
    // it too): let it finish, then stop unless a viewer came back.
    const unsubscribe = this.#engine.onDidChange((state) => {
      if (state.refreshing) return;
      this.#cancelPendingStop();
      if (this.#watchers === 0 && this.#running) {
        this.#running = false;
        this.#engine.stop();
      }
    });
    this.#stopWhenSettled = unsubscribe;
  }

  #cancelPendingStop(): void {
    this.#stopWhenSettled?.();
    this.#stopWhenSettled = undefined;
  }

  #clearStartTimer(): void {
    if (this.#startTimer) clearTimeout(this.#startTimer);
    this.#startTimer = undefined;
  }
}
