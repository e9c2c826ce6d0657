import { createRefreshEngine, type TicketCounts } from '@whmcs-ticket-counts/core';
import { describe, expect, it } from 'vitest';
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
  const loads: { signal: AbortSignal; resolve: (value: TicketCounts) => void }[] = [];
  const engine = createRefreshEngine<TicketCounts>({
    intervalMs: ttlMs,
    load: (signal) =>
      new Promise((resolve) => {
        lastAttemptAt = now;
        loads.push({ signal, resolve });
      }),
  });
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

  it('asks nothing after close()', async () => {
    const { policy, loads } = setUp(60_000);
    policy.close();
    await policy.currentState();
    policy.watcherAdded();
    expect(loads).toHaveLength(0);
  });
});
