import { afterEach, describe, expect, it } from 'vitest';
import {
  delay,
  RELAY_TEST_SECRET,
  type RelayHarness,
  startRelayHarness,
} from './test-support/relay-harness.js';

/**
 * Finding 1 of the 2026-12-03 user test: with no live viewer, plain GETs asked WHMCS once per TTL
 * even while it answered 429 Retry-After: 30 or a maintenance page, and told clients
 * `Retry-After: <TTL>`. Here the real simulator plays the failing WHMCS and many GETs arrive.
 */
let harness: RelayHarness | undefined;

afterEach(async () => {
  const h = harness;
  harness = undefined;
  if (!h) return;
  await h.close();
  for (const text of [...h.seen, ...h.logLines]) expect(text).not.toContain(RELAY_TEST_SECRET);
});

describe('plain GETs after an upstream failure', () => {
  it("wait for WHMCS's Retry-After however many GETs arrive, and say so in Retry-After", async () => {
    const ttlMs = 200;
    const h = await startRelayHarness({ relay: { ttlSeconds: ttlMs / 1000 } });
    harness = h;
    h.sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 30 });

    const first = await h.get('/ticket-counts');
    expect(first.status).toBe(502);
    expect(first.body).toContain('wait 30 seconds');
    expect(first.headers['retry-after']).toBe('30');
    expect(h.upstreamRequests()).toBe(1);

    // Many GETs over several TTLs: none may reach WHMCS before its 30 s are up.
    const answers = [];
    for (let round = 0; round < 8; round += 1) {
      answers.push(
        ...(await Promise.all(Array.from({ length: 5 }, () => h.get('/ticket-counts')))),
      );
      await delay(ttlMs / 2);
    }
    expect(h.upstreamRequests()).toBe(1);
    for (const answer of answers) {
      expect(answer.status).toBe(502);
      const seconds = Number(answer.headers['retry-after']);
      // The real next attempt, counted down (ceil of what remains of the 30 s).
      expect(seconds).toBeGreaterThanOrEqual(25);
      expect(seconds).toBeLessThanOrEqual(30);
    }

    // A live viewer joining meanwhile does not start polling early either.
    const viewer = h.subscribe();
    const event = await viewer.nextEvent((e) => e.event === 'counts');
    expect(event.data).toContain('"kind":"http"');
    await delay(ttlMs * 3);
    expect(h.upstreamRequests()).toBe(1);
  });

  it('a stale answer carries the same Retry-After, and its max-age does not expire before it', async () => {
    const ttlMs = 200;
    const h = await startRelayHarness({ relay: { ttlSeconds: ttlMs / 1000 } });
    harness = h;
    expect((await h.get('/ticket-counts')).status).toBe(200);
    h.sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 30 });
    await delay(ttlMs + 50);
    const stale = await h.get('/ticket-counts');
    expect(stale.status).toBe(200);
    expect(JSON.parse(stale.body)).toMatchObject({ stale: true, error: { kind: 'http' } });
    expect(stale.headers['retry-after']).toBe('30');
    expect(stale.headers['cache-control']).toMatch(/^private, max-age=(29|30)$/);
    await delay(ttlMs * 2);
    expect((await h.get('/ticket-counts')).headers['retry-after']).toMatch(/^(29|30)$/);
    expect(h.upstreamRequests()).toBe(2);
  });

  it('back off exponentially from one TTL while WHMCS answers a maintenance page', async () => {
    const ttlMs = 200;
    const h = await startRelayHarness({ relay: { ttlSeconds: ttlMs / 1000 } });
    harness = h;
    h.sim.setFault({ kind: 'maintenance' });

    // GETs every 20 ms until WHMCS has been asked four times (bounded).
    const deadline = Date.now() + 10_000;
    while (h.upstreamRequests() < 4) {
      if (Date.now() > deadline)
        throw new Error('WHMCS was not asked four times within the test timeout');
      const answer = await h.get('/ticket-counts');
      expect(answer.status).toBe(502);
      await delay(20);
    }
    const times = h.sim.requests.map((r) => r.at);
    // Each retry waits at least twice as long as the one before: 1, 2, 4 TTLs.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(ttlMs);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(2 * ttlMs);
    expect((times[3] ?? 0) - (times[2] ?? 0)).toBeGreaterThanOrEqual(4 * ttlMs);
  });
});
