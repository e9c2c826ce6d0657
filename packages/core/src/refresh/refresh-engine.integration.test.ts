import {
  SAMPLE_CREDENTIALS,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketCounts } from '../ticket-counts.js';
import { createTicketCountsClient } from '../ticket-counts-client.js';
import { createRefreshEngine, type RefreshEngine } from './refresh-engine.js';
import { ticketCountsEqual } from './ticket-counts-equal.js';

// Real HTTP on 127.0.0.1: the engine drives core's client (fetch transport) against the simulator.

const WRONG_SECRET = 'FAKE-wrong-secret-that-must-never-leak-7Qx';
const WAIT = { timeout: 5_000, interval: 5 };

let sim: WhmcsSimulator | undefined;
let engine: RefreshEngine<TicketCounts> | undefined;

afterEach(async () => {
  engine?.stop();
  engine = undefined;
  await sim?.close();
  sim = undefined;
});

function loaderFor(simulator: WhmcsSimulator, secret: string) {
  const client = createTicketCountsClient({
    connection: {
      url: simulator.baseUrl,
      auth: { kind: 'api-credential', identifier: SAMPLE_CREDENTIALS.identifier, secret },
    },
    timeoutMs: 5_000,
  });
  return (signal: AbortSignal) =>
    client.getTicketCounts({ includeCountsByStatus: true }, { signal });
}

/** Lets real time pass so a misbehaving engine would have polled many times. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('refresh engine over real HTTP', () => {
  it('sends a wrong secret exactly once however long it polls, and recovers after reset()', async () => {
    sim = await startWhmcsSimulator();
    const subject = createRefreshEngine({ load: loaderFor(sim, WRONG_SECRET), intervalMs: 20 });
    engine = subject;
    subject.start();

    await vi.waitFor(() => expect(subject.state.halted).toBe(true), WAIT);
    await pause(300); // 15 intervals
    await Promise.all(Array.from({ length: 5 }, () => subject.refresh()));
    subject.stop();
    subject.start();
    await pause(100);

    expect(sim.requests).toHaveLength(1);
    expect(sim.failedLogins()).toBe(1);
    expect(subject.state.error?.kind).toBe('authentication');
    expect(subject.state.nextRefreshAt).toBeUndefined();
    const visible = JSON.stringify({
      state: subject.state,
      message: subject.state.error?.message,
      detail: subject.state.error?.detail,
    });
    expect(visible).not.toContain(WRONG_SECRET);

    subject.reset(loaderFor(sim, SAMPLE_CREDENTIALS.secret));
    await vi.waitFor(() => expect(subject.state.value).toBeDefined(), WAIT);
    expect(subject.state).toMatchObject({ halted: false, stale: false, consecutiveFailures: 0 });
    expect(subject.state.error).toBeUndefined();
    expect(subject.state.value).toMatchObject({ awaitingReply: 10, allActive: 17 });
    expect(subject.state.value?.status?.open).toEqual({ title: 'Open', count: 8 });
    expect(sim.requests[1]?.fields.secret).toBe(SAMPLE_CREDENTIALS.secret);
    // Polling resumed: more requests follow at the interval.
    await vi.waitFor(() => expect(sim?.requests.length).toBeGreaterThanOrEqual(4), WAIT);
  });

  it('answers 20 concurrent refresh() calls with one request', async () => {
    sim = await startWhmcsSimulator();
    const subject = createRefreshEngine({
      load: loaderFor(sim, SAMPLE_CREDENTIALS.secret),
      intervalMs: 0,
    });
    engine = subject;

    const states = await Promise.all(Array.from({ length: 20 }, () => subject.refresh()));
    expect(sim.requests).toHaveLength(1);
    expect(new Set(states).size).toBe(1);
    expect(states[0]?.value?.awaitingReply).toBe(10);
  });

  it('keeps the old value object when the counts did not change, and a new one when they did', async () => {
    sim = await startWhmcsSimulator();
    const subject = createRefreshEngine({
      load: loaderFor(sim, SAMPLE_CREDENTIALS.secret),
      intervalMs: 0,
      isEqual: ticketCountsEqual,
    });
    engine = subject;

    const first = (await subject.refresh()).value;
    expect((await subject.refresh()).value).toBe(first);
    const ticket = sim.data.tickets.find((candidate) => candidate.status === 'Open');
    if (ticket === undefined) throw new Error('the sample data has no open ticket');
    ticket.status = 'Closed';
    const changed = (await subject.refresh()).value;
    expect(changed).not.toBe(first);
    expect(changed?.status?.open?.count).toBe(7);
    expect(sim.requests).toHaveLength(3);
  });

  it('waits at least as long as a 429 Retry-After asks before trying again', async () => {
    sim = await startWhmcsSimulator();
    sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 120 });
    const subject = createRefreshEngine({
      load: loaderFor(sim, SAMPLE_CREDENTIALS.secret),
      intervalMs: 20,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    engine = subject;
    const before = Date.now();
    subject.start();

    await vi.waitFor(() => expect(subject.state.consecutiveFailures).toBe(1), WAIT);
    expect(subject.state.error).toMatchObject({ kind: 'http', retryable: true });
    expect(subject.state.nextRefreshAt).toBeGreaterThanOrEqual(before + 120_000);
    await pause(100);
    expect(sim.requests).toHaveLength(1);
  });

  it('caps an absurd Retry-After (a year) at an hour instead of going silent for weeks', async () => {
    sim = await startWhmcsSimulator();
    sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 365 * 24 * 3_600 });
    const subject = createRefreshEngine({
      load: loaderFor(sim, SAMPLE_CREDENTIALS.secret),
      intervalMs: 20,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    engine = subject;
    const before = Date.now();
    subject.start();

    await vi.waitFor(() => expect(subject.state.consecutiveFailures).toBe(1), WAIT);
    expect(subject.state.nextRefreshAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(subject.state.nextRefreshAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it('aborts a hanging request on stop() without recording a failure', async () => {
    sim = await startWhmcsSimulator();
    sim.setFault({ kind: 'hang' });
    const load = loaderFor(sim, SAMPLE_CREDENTIALS.secret);
    const signals: AbortSignal[] = [];
    const subject = createRefreshEngine({
      load: (signal) => {
        signals.push(signal);
        return load(signal);
      },
      intervalMs: 20,
    });
    engine = subject;
    subject.start();
    const waiting = subject.refresh();
    await vi.waitFor(() => expect(sim?.requests).toHaveLength(1), WAIT);

    subject.stop();
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
    expect(await waiting).toMatchObject({ refreshing: false, consecutiveFailures: 0 });
    await pause(100);
    expect(subject.state.error).toBeUndefined();
    expect(sim.requests).toHaveLength(1);
  });
});
