import { toWhmcsError } from '../errors/to-whmcs-error.js';
import {
  type BackoffOptions,
  backoffDelayMs,
  MAX_TIMER_DELAY_MS,
  resolveBackoffOptions,
} from './backoff.js';
import { initialRefreshState, type RefreshState } from './refresh-state.js';

export type RefreshLoader<T> = (signal: AbortSignal) => Promise<T>;

export type RefreshListener<T> = (state: RefreshState<T>, previous: RefreshState<T>) => void;

export interface RefreshEngineOptions<T> {
  load: RefreshLoader<T>;
  /** Pause between automatic refreshes; 0 = refresh only when asked. */
  intervalMs: number;
  backoff?: BackoffOptions;
  /** When a new value equals the old one, the old object is kept so consumers can skip work. */
  isEqual?: (a: T, b: T) => boolean;
  /** Math.random by default; inject for deterministic jitter in tests. */
  random?: () => number;
  /** Where exceptions thrown by onDidChange listeners go; ignored by default. */
  onListenerError?: (error: unknown) => void;
}

export interface RefreshEngine<T> {
  readonly state: RefreshState<T>;
  /** First load at once, then every intervalMs. */
  start(): void;
  /** Timers off, in-flight request aborted. */
  stop(): void;
  /** Single-flight: concurrent callers share one request. Never rejects; a halted engine answers its state without a request. */
  refresh(): Promise<RefreshState<T>>;
  /** Configuration changed: forgets everything from the old one, clears a halt, loads again if started. */
  reset(load?: RefreshLoader<T>): void;
  onDidChange(listener: RefreshListener<T>): () => void;
}

export class InvalidRefreshIntervalError extends Error {
  override readonly name = 'InvalidRefreshIntervalError';
}

export function createRefreshEngine<T>(options: RefreshEngineOptions<T>): RefreshEngine<T> {
  return new PollingRefreshEngine(options);
}

/** One load in progress and the callers waiting for it. */
interface InFlight<T> {
  readonly controller: AbortController;
  readonly promise: Promise<RefreshState<T>>;
  readonly settle: (state: RefreshState<T> | Promise<RefreshState<T>>) => void;
}

class PollingRefreshEngine<T> implements RefreshEngine<T> {
  #load: RefreshLoader<T>;
  readonly #intervalMs: number;
  readonly #backoff: Required<BackoffOptions>;
  readonly #isEqual: ((a: T, b: T) => boolean) | undefined;
  readonly #random: () => number;
  readonly #onListenerError: ((error: unknown) => void) | undefined;
  readonly #listeners = new Set<RefreshListener<T>>();

  #state: RefreshState<T> = initialRefreshState<T>();
  #started = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: InFlight<T> | undefined;
  /** Bumped by stop() and reset() so a load that settles afterwards cannot touch the new state. */
  #generation = 0;
  #notifying = false;
  readonly #pendingNotifications: [RefreshState<T>, RefreshState<T>][] = [];

  constructor(options: RefreshEngineOptions<T>) {
    if (!Number.isFinite(options.intervalMs) || options.intervalMs < 0) {
      throw new InvalidRefreshIntervalError(
        'The refresh interval is invalid; use 0 (manual refresh only) or a positive number of milliseconds.',
      );
    }
    this.#load = options.load;
    this.#intervalMs = Math.min(options.intervalMs, MAX_TIMER_DELAY_MS);
    this.#backoff = resolveBackoffOptions(options.backoff);
    this.#isEqual = options.isEqual;
    this.#random = options.random ?? Math.random;
    this.#onListenerError = options.onListenerError;
  }

  get state(): RefreshState<T> {
    return this.#state;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    // A load already running (a manual refresh) schedules the next one when it settles.
    if (this.#inFlight === undefined) void this.refresh();
  }

  stop(): void {
    this.#started = false;
    this.#clearTimer();
    const abandoned = this.#abandonInFlight();
    this.#update({ refreshing: false, nextRefreshAt: undefined });
    abandoned?.settle(this.#state);
  }

  refresh(): Promise<RefreshState<T>> {
    // Halted means the server rejected who we are: asking again would count toward an IP ban.
    if (this.#state.halted) return Promise.resolve(this.#state);
    if (this.#inFlight !== undefined) return this.#inFlight.promise;
    return this.#begin().promise;
  }

  reset(load?: RefreshLoader<T>): void {
    if (load !== undefined) this.#load = load;
    this.#clearTimer();
    const abandoned = this.#abandonInFlight();
    // Nothing of the old configuration survives: it may have been a different server.
    this.#replaceState(initialRefreshState<T>());
    const next = this.#started ? this.refresh() : this.#state;
    // Callers still waiting on the old load get the first answer from the new configuration.
    abandoned?.settle(next);
  }

  onDidChange(listener: RefreshListener<T>): () => void {
    // Wrapped so the same function can subscribe twice and unsubscribe each time independently.
    const subscription: RefreshListener<T> = (state, previous) => listener(state, previous);
    this.#listeners.add(subscription);
    return () => {
      this.#listeners.delete(subscription);
    };
  }

  #begin(): InFlight<T> {
    this.#clearTimer();
    const generation = this.#generation;
    const controller = new AbortController();
    let settle!: InFlight<T>['settle'];
    const promise = new Promise<RefreshState<T>>((resolve) => {
      settle = resolve;
    });
    const inFlight: InFlight<T> = { controller, promise, settle };
    this.#inFlight = inFlight;
    this.#update({ refreshing: true, nextRefreshAt: undefined });

    const load = this.#load;
    // new Promise() also turns a loader that throws synchronously into a rejection.
    new Promise<T>((resolve) => resolve(load(controller.signal))).then(
      (value) => this.#settle(inFlight, generation, () => this.#succeeded(value)),
      (error: unknown) => this.#settle(inFlight, generation, () => this.#failed(error)),
    );
    return inFlight;
  }

  #settle(inFlight: InFlight<T>, generation: number, apply: () => RefreshState<T>): void {
    if (generation !== this.#generation || this.#inFlight !== inFlight) return;
    this.#inFlight = undefined;
    // The state this load produced, even if a listener already started the next one.
    inFlight.settle(apply());
  }

  #succeeded(value: T): RefreshState<T> {
    const previous = this.#state.value;
    const unchanged = previous !== undefined && this.#isUnchanged(previous, value);
    return this.#update({
      value: unchanged ? previous : value,
      fetchedAt: Date.now(),
      stale: false,
      error: undefined,
      halted: false,
      refreshing: false,
      consecutiveFailures: 0,
      nextRefreshAt: this.#schedule(this.#intervalMs),
    });
  }

  #isUnchanged(previous: T, value: T): boolean {
    try {
      return this.#isEqual?.(previous, value) ?? false;
    } catch {
      // A broken comparison must not wedge the in-flight load; the new value simply wins.
      return false;
    }
  }

  #failed(cause: unknown): RefreshState<T> {
    // Anything that is not a WhmcsError (a bug, a foreign fetch error) counts as a network failure.
    const error = toWhmcsError(cause);
    const consecutiveFailures = this.#state.consecutiveFailures + 1;
    let nextRefreshAt: number | undefined;
    if (!error.stopsPolling) {
      nextRefreshAt = this.#schedule(
        error.retryable
          ? backoffDelayMs(consecutiveFailures, this.#backoff, this.#random, error.retryAfterMs)
          : this.#intervalMs,
      );
    }
    return this.#update({
      stale: this.#state.value !== undefined,
      error,
      halted: error.stopsPolling,
      refreshing: false,
      consecutiveFailures,
      nextRefreshAt,
    });
  }

  /** Arms the timer when polling is on; returns when it fires. */
  #schedule(delayMs: number): number | undefined {
    this.#clearTimer();
    // intervalMs 0 means manual refresh only, which also rules out automatic retries.
    if (!this.#started || this.#intervalMs === 0) return undefined;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.refresh();
    }, delayMs);
    // Polling must never keep a CLI or test process alive on its own.
    this.#timer.unref?.();
    return Date.now() + delayMs;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Aborts the running load and makes sure its result is ignored; the caller settles its waiters. */
  #abandonInFlight(): InFlight<T> | undefined {
    this.#generation += 1;
    const inFlight = this.#inFlight;
    if (inFlight === undefined) return undefined;
    this.#inFlight = undefined;
    inFlight.controller.abort();
    return inFlight;
  }

  #update(patch: Partial<RefreshState<T>>): RefreshState<T> {
    const next: RefreshState<T> = { ...this.#state, ...patch };
    for (const key of Object.keys(next) as (keyof RefreshState<T>)[]) {
      if (next[key] === undefined) delete next[key];
    }
    return this.#replaceState(next);
  }

  #replaceState(next: RefreshState<T>): RefreshState<T> {
    const previous = this.#state;
    if (sameState(previous, next)) return previous;
    const state = Object.freeze(next);
    this.#state = state;
    this.#pendingNotifications.push([state, previous]);
    // A listener that calls refresh()/stop() causes nested transitions: queue them so every
    // listener sees transitions in the order they happened.
    if (this.#notifying) return state;
    this.#notifying = true;
    try {
      for (
        let item = this.#pendingNotifications.shift();
        item;
        item = this.#pendingNotifications.shift()
      ) {
        for (const listener of [...this.#listeners]) this.#notify(listener, item[0], item[1]);
      }
    } finally {
      this.#notifying = false;
    }
    return state;
  }

  #notify(listener: RefreshListener<T>, state: RefreshState<T>, previous: RefreshState<T>): void {
    try {
      listener(state, previous);
    } catch (error) {
      // A faulty consumer must not stop polling or leave the engine half-updated.
      try {
        this.#onListenerError?.(error);
      } catch {
        // Nowhere left to report it.
      }
    }
  }
}

function sameState<T>(a: RefreshState<T>, b: RefreshState<T>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RefreshState<T>>;
  for (const key of keys) {
    if (a[key] !== b[key]) return false;
  }
  return true;
}
