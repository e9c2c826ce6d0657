import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError } from '../errors/authentication-error.js';
import { HttpStatusError } from '../errors/http-status-error.js';
import { NetworkError } from '../errors/network-error.js';
import { errorFromWhmcsMessage } from '../whmcs-error-message.js';
import {
  createRefreshEngine,
  InvalidRefreshIntervalError,
  type RefreshEngine,
  type RefreshEngineOptions,
} from './refresh-engine.js';
import type { RefreshState } from './refresh-state.js';

// The errors core's client throws; only their retryable / stopsPolling / retryAfterMs matter here.
const serverBusy = (retryAfterMs?: number) =>
  new HttpStatusError('The server is busy; try again later.', 503, false, { retryAfterMs });
const authenticationFailed = () =>
  new AuthenticationError('WHMCS rejected the credentials; check the identifier and secret.');
const notFound = () => new HttpStatusError('Nothing was found at that URL; check it.', 404, false);

/** A loader whose calls stay pending until the test settles them. */
function manualLoader<T>() {
  const calls: {
    signal: AbortSignal;
    resolve: (value: T) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { load, calls };
}

/** A loader that answers at once from a script (the last entry repeats), counting calls. */
function scriptedLoader<T>(...script: (T | Error)[]) {
  let calls = 0;
  const load = async (_signal: AbortSignal): Promise<T> => {
    const outcome = script[Math.min(calls, script.length - 1)] as T | Error;
    calls += 1;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return {
    load,
    get calls() {
      return calls;
    },
  };
}

const engines: RefreshEngine<unknown>[] = [];
function engine<T>(options: RefreshEngineOptions<T>): RefreshEngine<T> {
  const created = createRefreshEngine({ random: () => 0.5, ...options });
  engines.push(created as RefreshEngine<unknown>);
  return created;
}

const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});

afterEach(() => {
  for (const created of engines.splice(0)) created.stop();
  vi.useRealTimers();
});

describe('single flight', () => {
  it('gives many concurrent callers one load and the same result', async () => {
    const loader = manualLoader<number>();
    const subject = engine({ load: loader.load, intervalMs: 0 });

    const results = Array.from({ length: 20 }, () => subject.refresh());
    expect(loader.calls).toHaveLength(1);
    expect(subject.state.refreshing).toBe(true);

    loader.calls[0]?.resolve(7);
    const states = await Promise.all(results);
    expect(new Set(states).size).toBe(1);
    expect(states[0]).toMatchObject({ value: 7, refreshing: false, stale: false });
    expect(loader.calls).toHaveLength(1);
  });

  it('does not let the timer start a second load while one is in flight', async () => {
    const loader = manualLoader<number>();
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(loader.calls).toHaveLength(1);

    loader.calls[0]?.resolve(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(loader.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loader.calls).toHaveLength(2);
  });

  it('starts a new load once the previous one has settled', async () => {
    const loader = scriptedLoader(1, 2);
    const subject = engine({ load: loader.load, intervalMs: 0 });
    expect((await subject.refresh()).value).toBe(1);
    expect((await subject.refresh()).value).toBe(2);
    expect(loader.calls).toBe(2);
  });
});

describe('interval', () => {
  it('loads at start() and then every intervalMs after the previous load', async () => {
    const loader = scriptedLoader(1, 2, 3);
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    expect(loader.calls).toBe(0);

    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(loader.calls).toBe(1);
    expect(subject.state).toMatchObject({ value: 1, fetchedAt: Date.now() });
    expect(subject.state.nextRefreshAt).toBe(Date.now() + 60_000);

    await vi.advanceTimersByTimeAsync(59_999);
    expect(loader.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loader.calls).toBe(2);
    expect(subject.state.value).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loader.calls).toBe(3);
  });

  it('counts the interval from a manual refresh, not from the previous timer', async () => {
    const loader = scriptedLoader(1);
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(30_000);
    await subject.refresh();
    expect(loader.calls).toBe(2);

    await vi.advanceTimersByTimeAsync(59_999);
    expect(loader.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(loader.calls).toBe(3);
  });

  it('with intervalMs 0 loads at start() and on refresh() only, and never retries by itself', async () => {
    const loader = scriptedLoader<number>(serverBusy(), 5);
    const subject = engine({ load: loader.load, intervalMs: 0 });
    subject.start();
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(loader.calls).toBe(1);
    expect(subject.state).toMatchObject({ consecutiveFailures: 1, halted: false });
    expect(subject.state.nextRefreshAt).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);

    expect((await subject.refresh()).value).toBe(5);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(loader.calls).toBe(2);
  });

  it('does not poll before start() even after a manual refresh', async () => {
    const loader = scriptedLoader(1);
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    await subject.refresh();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(loader.calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects an interval that is negative or not a number', () => {
    const load = async () => 1;
    expect(() => createRefreshEngine({ load, intervalMs: -1 })).toThrow(
      InvalidRefreshIntervalError,
    );
    expect(() => createRefreshEngine({ load, intervalMs: Number.NaN })).toThrow(
      InvalidRefreshIntervalError,
    );
  });
});

describe('backoff', () => {
  /** Advances until the next load and returns how long that took. */
  async function delayUntilNextLoad(loader: { calls: number }): Promise<number> {
    const before = loader.calls;
    const started = Date.now();
    for (let waited = 0; waited < 2 * HOUR; waited += 1_000) {
      await vi.advanceTimersByTimeAsync(1_000);
      if (loader.calls > before) return Date.now() - started;
    }
    throw new Error('no load within two hours');
  }

  it('retries retryable failures after 5, 10, 20 s … capped at 5 min', async () => {
    const loader = scriptedLoader<number>(serverBusy());
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);

    const delays: number[] = [];
    for (let i = 0; i < 9; i++) delays.push(await delayUntilNextLoad(loader));
    expect(delays).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(subject.state.consecutiveFailures).toBe(10);
  });

  it('goes back to intervalMs after a success and starts over at 5 s on the next failure', async () => {
    const loader = scriptedLoader<number>(
      serverBusy(),
      serverBusy(),
      serverBusy(),
      1,
      serverBusy(),
    );
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await delayUntilNextLoad(loader)).toBe(5_000);
    expect(await delayUntilNextLoad(loader)).toBe(10_000);
    expect(await delayUntilNextLoad(loader)).toBe(20_000);
    expect(subject.state).toMatchObject({ value: 1, consecutiveFailures: 0 });
    expect(subject.state.error).toBeUndefined();

    expect(await delayUntilNextLoad(loader)).toBe(60_000);
    expect(subject.state.consecutiveFailures).toBe(1);
    expect(await delayUntilNextLoad(loader)).toBe(5_000);
  });

  it('applies the jitter from the random source', async () => {
    const low = scriptedLoader<number>(serverBusy());
    engine({ load: low.load, intervalMs: 60_000, random: () => 0 }).start();
    const high = scriptedLoader<number>(serverBusy());
    const highEngine = engine({ load: high.load, intervalMs: 60_000, random: () => 0.999_999 });
    highEngine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(highEngine.state.nextRefreshAt).toBe(Date.now() + 6_000);

    await vi.advanceTimersByTimeAsync(3_999);
    expect(low.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(low.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(high.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(high.calls).toBe(2);
  });

  it('uses the configured backoff', async () => {
    const loader = scriptedLoader<number>(serverBusy());
    engine({
      load: loader.load,
      intervalMs: 60_000,
      backoff: { initialMs: 1_000, factor: 3, maxMs: 5_000, jitter: 0 },
    }).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await delayUntilNextLoad(loader)).toBe(1_000);
    expect(await delayUntilNextLoad(loader)).toBe(3_000);
    expect(await delayUntilNextLoad(loader)).toBe(5_000);
  });

  it('never retries sooner than Retry-After', async () => {
    const loader = scriptedLoader<number>(serverBusy(120_000), serverBusy(1_000));
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(subject.state.nextRefreshAt).toBe(Date.now() + 120_000);
    expect(await delayUntilNextLoad(loader)).toBe(120_000);
    // A Retry-After shorter than the backoff does not shorten it.
    expect(await delayUntilNextLoad(loader)).toBe(10_000);
  });

  it('retries an unknown WHMCS error 31 minutes later, and again, never halting', async () => {
    const loader = scriptedLoader<number>(errorFromWhmcsMessage('Database busy', 'api-credential'));
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(subject.state.halted).toBe(false);
    expect(await delayUntilNextLoad(loader)).toBe(31 * 60_000);
    expect(await delayUntilNextLoad(loader)).toBe(31 * 60_000);
  });

  it('retries a failure that is neither retryable nor halting at the normal interval', async () => {
    const loader = scriptedLoader<number>(notFound());
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await delayUntilNextLoad(loader)).toBe(60_000);
    expect(subject.state.halted).toBe(false);
  });
});

describe('halt', () => {
  it('makes no further request after a stopsPolling error, automatic or manual, until reset()', async () => {
    const loader = scriptedLoader<number>(authenticationFailed());
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(subject.state).toMatchObject({
      halted: true,
      refreshing: false,
      consecutiveFailures: 1,
    });
    expect(subject.state.error?.kind).toBe('authentication');
    expect(subject.state.nextRefreshAt).toBeUndefined();

    await vi.advanceTimersByTimeAsync(24 * HOUR);
    const manual = await Promise.all(Array.from({ length: 10 }, () => subject.refresh()));
    expect(manual.every((state) => state === subject.state && state.halted)).toBe(true);
    subject.stop();
    subject.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(loader.calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);

    const fixed = scriptedLoader(42);
    subject.reset(fixed.load);
    await vi.advanceTimersByTimeAsync(0);
    expect(fixed.calls).toBe(1);
    expect(loader.calls).toBe(1);
    expect(subject.state).toMatchObject({ value: 42, halted: false, consecutiveFailures: 0 });
    expect(subject.state.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fixed.calls).toBe(2);
  });

  it('keeps a halted engine silent when reset() is called without a new loader while stopped', async () => {
    const loader = scriptedLoader<number>(authenticationFailed(), 3);
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    await subject.refresh();
    expect(subject.state.halted).toBe(true);

    subject.reset();
    expect(subject.state.halted).toBe(false);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(loader.calls).toBe(1);
    expect((await subject.refresh()).value).toBe(3);
  });
});

describe('reset', () => {
  it('forgets value, error and backoff of the old configuration', async () => {
    const loader = scriptedLoader<number>(9, serverBusy());
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    await subject.refresh();
    await subject.refresh();
    expect(subject.state).toMatchObject({ value: 9, stale: true, consecutiveFailures: 1 });

    subject.reset(scriptedLoader(1).load);
    expect(subject.state).toEqual({
      stale: false,
      halted: false,
      refreshing: false,
      consecutiveFailures: 0,
    });
  });

  it('aborts the old load, ignores its result and answers its waiters from the new loader', async () => {
    const old = manualLoader<string>();
    const subject = engine({ load: old.load, intervalMs: 60_000 });
    subject.start();
    const waiting = subject.refresh();
    const oldCall = old.calls[0];

    const next = manualLoader<string>();
    subject.reset(next.load);
    expect(oldCall?.signal.aborted).toBe(true);
    expect(next.calls).toHaveLength(1);

    oldCall?.resolve('old server');
    next.calls[0]?.resolve('new server');
    expect((await waiting).value).toBe('new server');
    await vi.advanceTimersByTimeAsync(0);
    expect(subject.state.value).toBe('new server');
  });
});

describe('stop and start', () => {
  it('aborts the in-flight load, ignores its outcome and leaves no timer behind', async () => {
    const loader = manualLoader<number>();
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    subject.start();
    const waiting = subject.refresh();
    const call = loader.calls[0];
    expect(call?.signal.aborted).toBe(false);

    subject.stop();
    expect(call?.signal.aborted).toBe(true);
    expect(await waiting).toMatchObject({ refreshing: false });
    call?.resolve(5);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(subject.state.value).toBeUndefined();
    expect(loader.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not record the abort of a stopped load as a failure', async () => {
    const loader = manualLoader<number>();
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    subject.start();
    subject.stop();
    loader.calls[0]?.reject(new DOMException('aborted', 'AbortError'));
    await vi.advanceTimersByTimeAsync(0);
    expect(subject.state).toMatchObject({ consecutiveFailures: 0, stale: false });
    expect(subject.state.error).toBeUndefined();
  });

  it('clears the scheduled refresh and resumes with an immediate load on start()', async () => {
    const loader = scriptedLoader(1, 2);
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    subject.stop();
    expect(subject.state.nextRefreshAt).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(loader.calls).toBe(1);

    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(loader.calls).toBe(2);
    expect(subject.state.value).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loader.calls).toBe(3);
  });

  it('ignores start() while already started', async () => {
    const loader = scriptedLoader(1);
    const subject = engine({ load: loader.load, intervalMs: 60_000 });
    subject.start();
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    subject.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(loader.calls).toBe(1);
  });

  it('lets a manual load in flight at start() stand in for the first load', async () => {
    const loader = manualLoader<number>();
    const subject = engine({ load: loader.load, intervalMs: 1_000 });
    const waiting = subject.refresh();
    subject.start();
    expect(loader.calls).toHaveLength(1);
    loader.calls[0]?.resolve(1);
    await waiting;
    expect(subject.state.nextRefreshAt).toBe(Date.now() + 1_000);
  });
});

describe('value, stale and error', () => {
  it('keeps the last good value as stale after a failure; a success clears error and stale', async () => {
    const loader = scriptedLoader<number>(1, serverBusy(), 2);
    const subject = engine({ load: loader.load, intervalMs: 0 });
    await subject.refresh();
    const fetchedAt = subject.state.fetchedAt;
    await vi.advanceTimersByTimeAsync(1_000);

    const failed = await subject.refresh();
    expect(failed).toMatchObject({ value: 1, fetchedAt, stale: true, consecutiveFailures: 1 });
    expect(failed.error?.kind).toBe('http');

    const recovered = await subject.refresh();
    expect(recovered).toMatchObject({ value: 2, stale: false, consecutiveFailures: 0 });
    expect(recovered.fetchedAt).toBe(Date.now());
    expect(recovered.error).toBeUndefined();
  });

  it('is not stale when it never had a value', async () => {
    const subject = engine({ load: scriptedLoader<number>(serverBusy()).load, intervalMs: 0 });
    expect(await subject.refresh()).toMatchObject({ stale: false, consecutiveFailures: 1 });
  });

  it('turns anything thrown, even synchronously, into a retryable error with one sentence', async () => {
    const subject = engine<number>({
      load: () => {
        throw 'not even an Error';
      },
      intervalMs: 0,
    });
    const state = await subject.refresh();
    expect(state.error).toBeInstanceOf(NetworkError);
    expect(state.error).toMatchObject({ retryable: true, stopsPolling: false });
    expect(state.error?.message).toMatch(/^[A-Z][^.]*\.$/);
  });

  it('keeps the previous value object when isEqual says nothing changed', async () => {
    const loader = scriptedLoader({ n: 1 }, { n: 1 }, { n: 2 });
    const subject = engine({
      load: loader.load,
      intervalMs: 0,
      isEqual: (a, b) => a.n === b.n,
    });
    const first = (await subject.refresh()).value;
    expect((await subject.refresh()).value).toBe(first);
    expect((await subject.refresh()).value).toEqual({ n: 2 });
  });

  it('takes the new value when isEqual throws', async () => {
    const subject = engine({
      load: scriptedLoader({ n: 1 }, { n: 2 }).load,
      intervalMs: 0,
      isEqual: () => {
        throw new Error('comparison bug');
      },
    });
    await subject.refresh();
    expect(await subject.refresh()).toMatchObject({ value: { n: 2 }, refreshing: false });
  });

  it('hands out frozen snapshots', async () => {
    const subject = engine({ load: scriptedLoader(1).load, intervalMs: 0 });
    const state = await subject.refresh();
    expect(Object.isFrozen(state)).toBe(true);
  });
});

describe('onDidChange', () => {
  it('reports every transition with the previous state, until unsubscribed', async () => {
    const loader = scriptedLoader<number>(1, serverBusy());
    const subject = engine({ load: loader.load, intervalMs: 0 });
    const seen: [RefreshState<number>, RefreshState<number>][] = [];
    const unsubscribe = subject.onDidChange((state, previous) => seen.push([state, previous]));

    await subject.refresh();
    await subject.refresh();
    expect(seen.map(([state]) => [state.refreshing, state.value, state.error?.kind])).toEqual([
      [true, undefined, undefined],
      [false, 1, undefined],
      [true, 1, undefined],
      [false, 1, 'http'],
    ]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.[1]).toBe(seen[i - 1]?.[0]);

    unsubscribe();
    await subject.refresh();
    expect(seen).toHaveLength(4);
  });

  it('keeps working when a listener throws, and tells onListenerError', async () => {
    const listenerErrors: unknown[] = [];
    const loader = scriptedLoader(1, 2);
    const subject = engine({
      load: loader.load,
      intervalMs: 1_000,
      onListenerError: (error) => listenerErrors.push(error),
    });
    const broken = new Error('listener bug');
    subject.onDidChange(() => {
      throw broken;
    });
    const values: (number | undefined)[] = [];
    subject.onDidChange((state) => values.push(state.value));

    subject.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loader.calls).toBe(2);
    expect(subject.state.value).toBe(2);
    expect(values).toContain(2);
    expect(listenerErrors.length).toBeGreaterThan(0);
    expect(listenerErrors.every((error) => error === broken)).toBe(true);
  });

  it('survives a throwing listener without onListenerError', async () => {
    const subject = engine({ load: scriptedLoader(1).load, intervalMs: 0 });
    subject.onDidChange(() => {
      throw new Error('listener bug');
    });
    expect((await subject.refresh()).value).toBe(1);
  });

  it('delivers transitions in order when a listener changes the engine', async () => {
    const loader = scriptedLoader(1, 2);
    const subject = engine({ load: loader.load, intervalMs: 0 });
    // Refresh once more as soon as the first value arrives.
    subject.onDidChange((state, previous) => {
      if (state.value === 1 && previous.value === undefined) void subject.refresh();
    });
    const seen: string[] = [];
    subject.onDidChange((state) => seen.push(`${state.refreshing}:${state.value}`));

    const first = await subject.refresh();
    expect(first.value).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['true:undefined', 'false:1', 'true:1', 'false:2']);
  });
});

describe('Node timers', () => {
  it('never keeps the process alive: every timer it arms is unref’d', async () => {
    vi.useRealTimers();
    const armed: ReturnType<typeof setTimeout>[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      ...args: Parameters<typeof setTimeout>
    ) => {
      const handle = realSetTimeout(...args);
      armed.push(handle);
      return handle;
    }) as typeof setTimeout);
    try {
      const subject = engine({
        load: scriptedLoader<number>(1, serverBusy()).load,
        intervalMs: HOUR,
      });
      subject.start();
      await subject.refresh();
      await subject.refresh();
      subject.start();
      expect(armed.length).toBeGreaterThan(0);
      expect(armed.every((handle) => !handle.hasRef())).toBe(true);
      subject.stop();
    } finally {
      spy.mockRestore();
    }
  });
});
