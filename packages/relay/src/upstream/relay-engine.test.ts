import { HttpStatusError, NotJsonError, type WhmcsError } from '@whmcs-ticket-counts/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelayEngine } from './relay-engine.js';
import { retryDelayMs } from './retry-delay.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createRelayEngine', () => {
  it('retries a retryable failure no sooner than one TTL later', async () => {
    const ttlMs = 60_000;
    let attempts = 0;
    const engine = createRelayEngine(async () => {
      attempts += 1;
      throw Object.assign(new Error('WHMCS is down; try again later.'), {
        kind: 'http',
        retryable: true,
        stopsPolling: false,
      });
    }, ttlMs);
    const before = Date.now();
    engine.start();
    const state = await engine.refresh();
    expect(state.error?.kind).toBe('http');
    expect(attempts).toBe(1);
    expect(state.nextRefreshAt).toBeGreaterThanOrEqual(before + ttlMs);
    engine.stop();
  });

  it('while polling, waits exactly retryDelayMs after each failure (the plain-GET path uses the same figure)', async () => {
    // Fake timers: the engine's own retry timer is what is under test.
    vi.useFakeTimers({ now: 1_000_000 });
    const ttlMs = 2_000;
    const failures: WhmcsError[] = [
      notJson(),
      notJson(),
      new HttpStatusError('Limited; wait 30 seconds.', 429, false, { retryAfterMs: 30_000 }),
      notJson(),
      notJson(),
      new HttpStatusError('Not found; check the URL.', 404, false),
    ];
    let attempt = 0;
    const engine = createRelayEngine(async () => {
      throw failures[attempt++];
    }, ttlMs);
    engine.start();
    const expected = [2_000, 4_000, 30_000, 16_000, 32_000, 2_000];
    for (const [index, pauseMs] of expected.entries()) {
      await vi.advanceTimersByTimeAsync(0);
      const state = engine.state;
      expect(attempt).toBe(index + 1);
      expect(state.consecutiveFailures).toBe(index + 1);
      expect(state.nextRefreshAt).toBe(Date.now() + pauseMs);
      expect(retryDelayMs(ttlMs, state.consecutiveFailures, state.error ?? notJson())).toBe(
        pauseMs,
      );
      await vi.advanceTimersByTimeAsync(pauseMs);
    }
    engine.stop();
  });
});

function notJson(): NotJsonError {
  return new NotJsonError('The server answered a web page instead of JSON; try again later.', {
    status: 200,
    contentType: 'text/html',
    snippet: 'Down for Maintenance',
  });
}
