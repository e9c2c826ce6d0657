import { HttpStatusError, NotJsonError, type TicketCounts } from '@whmcs-ticket-counts/core';
import { describe, expect, it } from 'vitest';
import { createRelayEngine } from './relay-engine.js';
import { UpstreamPolicy } from './upstream-policy.js';

const COUNTS: TicketCounts = {
  filteredDepartments: [],
  allActive: 1,
  awaitingReply: 1,
  flaggedTickets: 0,
  countsDisabled: false,
};

/**
 * The policy against core's real engine, with an in-process load and an injected clock (no HTTP:
 * only the timing decisions are under test here; the HTTP tests cover the rest).
 */
function setUp(ttlMs: number) {
  let now = 1_000_000;
  let lastAttemptAt: number | undefined;
  const loads: {
    signal: AbortSignal;
    resolve: (value: TicketCounts) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const engine = createRelayEngine(
    (signal) =>
      new Promise((resolve, reject) => {
        lastAttemptAt = now;
        loads.push({ signal, resolve, reject });
      }),
    ttlMs,
  );
  const policy = new UpstreamPolicy({
    engine,
    ttlMs,
    lastAttemptAt: () => lastAttemptAt,
    now: () => now,
  });
  return {
    engine,
    policy,
    loads,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('UpstreamPolicy', () => {
  it('shares one load among concurrent GETs and serves the cache until the TTL has passed', async () => {
    const { policy, loads, advance } = setUp(60_000);
    const pending = [policy.currentState(), policy.currentState(), policy.currentState()];
    expect(loads).toHaveLength(1);
    loads[0]?.resolve(COUNTS);
    const states = await Promise.all(pending);
    expect(states.every((s) => s.value === COUNTS)).toBe(true);

    advance(59_999);
    await policy.currentState();
    expect(loads).toHaveLength(1);
    advance(1);
    const next = policy.currentState();
    expect(loads).toHaveLength(2);
    loads[1]?.resolve(COUNTS);
    await next;
    policy.close();
  });

  it('delays polling for a first viewer until the cached value is a TTL old', async () => {
    const { engine, policy, loads, advance } = setUp(60_000);
    const first = policy.currentState();
    loads[0]?.resolve(COUNTS);
    await first;
    advance(1_000);
    policy.watcherAdded();
    expect(loads).toHaveLength(1);
    expect(policy.msUntilNextAttempt()).toBe(59_000);
    // A viewer flapping in and out does not cause requests either.
    policy.watcherRemoved();
    policy.watcherAdded();
    expect(loads).toHaveLength(1);
    expect(engine.state.refreshing).toBe(false);
    policy.close();
  });

  it('lets a running request finish when the last viewer leaves, then stops polling', async () => {
    const { engine, policy, loads } = setUp(60_000);
    policy.watcherAdded();
    expect(loads).toHaveLength(1);
    policy.watcherRemoved();
    expect(loads[0]?.signal.aborted).toBe(false);
    const waiting = policy.currentState();
    loads[0]?.resolve(COUNTS);
    expect((await waiting).value).toBe(COUNTS);
    expect(engine.state.nextRefreshAt).toBeUndefined();
    policy.close();
  });

  it('keeps GETs and a new viewer from WHMCS until its Retry-After has passed, and reports that wait', async () => {
    const { policy, loads, advance } = setUp(2_000);
    const first = policy.currentState();
    loads[0]?.reject(rateLimited(30_000));
    expect((await first).error?.kind).toBe('http');
    expect(policy.msUntilNextAttempt()).toBe(30_000);

    advance(2_000);
    await policy.currentState();
    policy.watcherAdded();
    policy.watcherRemoved();
    expect(policy.msUntilNextAttempt()).toBe(28_000);
    advance(27_999);
    expect(policy.mustRefresh()).toBe(false);
    await policy.currentState();
    expect(loads).toHaveLength(1);

    advance(1);
    const retry = policy.currentState();
    expect(loads).toHaveLength(2);
    loads[1]?.resolve(COUNTS);
    expect((await retry).value).toBe(COUNTS);
    // A success clears the backoff: the TTL alone counts again.
    expect(policy.msUntilNextAttempt()).toBe(2_000);
    policy.close();
  });

  it('doubles the pause after each retryable failure, starting at one TTL', async () => {
    const { policy, loads, advance } = setUp(2_000);
    for (const [attempt, pauseMs] of [2_000, 4_000, 8_000, 16_000].entries()) {
      const pending = policy.currentState();
      expect(loads).toHaveLength(attempt + 1);
      loads[attempt]?.reject(maintenancePage());
      await pending;
      expect(policy.msUntilNextAttempt()).toBe(pauseMs);
      advance(pauseMs - 1);
      await policy.currentState();
      expect(loads).toHaveLength(attempt + 1);
      advance(1);
    }
    policy.close();
  });

  it('a viewer arriving during the backoff starts polling only when it is over', async () => {
    const { engine, policy, loads, advance } = setUp(2_000);
    const first = policy.currentState();
    loads[0]?.reject(rateLimited(30_000));
    await first;
    advance(5_000);
    policy.watcherAdded();
    expect(loads).toHaveLength(1);
    expect(engine.state.refreshing).toBe(false);
    expect(policy.msUntilNextAttempt()).toBe(25_000);
    policy.close();
  });

  it('asks nothing after close()', async () => {
    const { policy, loads } = setUp(60_000);
    policy.close();
    await policy.currentState();
    policy.watcherAdded();
    expect(loads).toHaveLength(0);
  });
});

function rateLimited(retryAfterMs: number): HttpStatusError {
  return new HttpStatusError(
    `The server is limiting requests (HTTP 429); wait ${retryAfterMs / 1000} seconds before trying again, or refresh less often.`,
    429,
    false,
    { retryAfterMs },
  );
}

function maintenancePage(): NotJsonError {
  return new NotJsonError('The server answered a web page instead of JSON; try again later.', {
    status: 200,
    contentType: 'text/html',
    snippet: 'Down for Maintenance',
  });
}
