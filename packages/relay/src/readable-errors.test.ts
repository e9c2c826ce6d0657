import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest, type RecordedResponse } from './test-support/http-client.js';
import { type RelayHarness, startRelayHarness } from './test-support/relay-harness.js';

const ALLOWED = 'https://dashboard.example';
const TOKEN = 'viewer-TOKEN-3kQ8wZ5xR2pV';

let harness: RelayHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function expectReadableBy(origin: string, response: RecordedResponse, kind: string): void {
  expect(response.headers['access-control-allow-origin'], kind).toBe(origin);
  expect(response.headers.vary, kind).toContain('Origin');
  expect(JSON.parse(response.body), kind).toMatchObject({ error: { kind } });
}

/**
 * A page on an allowed origin can only tell "wrong path" or "too many viewers" from "relay down"
 * if the browser lets it read the error; a foreign page must still learn nothing.
 */
describe('error answers a page may read', () => {
  it('carry CORS headers for an allowed origin: 404, 405, 401 and the full stream 503', async () => {
    harness = await startRelayHarness({
      relay: { allowOrigins: [ALLOWED], token: TOKEN, maxSubscribers: 1 },
    });
    const h = harness;
    const origin = { Origin: ALLOWED };

    const notFound = await h.get('/ticket-count', { headers: origin });
    expect(notFound.status).toBe(404);
    expectReadableBy(ALLOWED, notFound, 'not-found');

    const post = await h.get('/ticket-counts', { method: 'POST', headers: origin });
    expect(post.status).toBe(405);
    expectReadableBy(ALLOWED, post, 'method-not-allowed');

    const noToken = await h.get('/ticket-counts', { headers: origin });
    expect(noToken.status).toBe(401);
    expectReadableBy(ALLOWED, noToken, 'unauthorized');

    const first = h.subscribe(`/ticket-counts/events?token=${TOKEN}`, origin);
    expect((await first.response()).statusCode).toBe(200);
    const full = await h.get(`/ticket-counts/events?token=${TOKEN}`, { headers: origin });
    expect(full.status).toBe(503);
    expectReadableBy(ALLOWED, full, 'too-many-subscribers');
    expect(full.headers['retry-after']).toBe('30');
    // Without this a page's script could not see when to try the stream again.
    expect(full.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(full.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(full.body).error.message).toContain('GET /ticket-counts');
    // The fallback the element uses: a plain GET has no viewer limit.
    const polled = await h.get('/ticket-counts', {
      headers: { ...origin, Authorization: `Bearer ${TOKEN}` },
    });
    expect(polled.status).toBe(200);
  });

  it('stay unreadable for a foreign origin and for a foreign Host name', async () => {
    harness = await startRelayHarness({ relay: { allowOrigins: [ALLOWED] } });
    const h = harness;
    const foreign = { Origin: 'https://evil.example' };
    for (const [path, status] of [
      ['/ticket-count', 404],
      ['/ticket-counts', 403],
      ['/ticket-counts/events', 403],
    ] as const) {
      const response = await h.get(path, { headers: foreign });
      expect(response.status, path).toBe(status);
      expect(response.headers['access-control-allow-origin'], path).toBeUndefined();
    }
    // DNS rebinding: even an allowed Origin must not read answers sent to a foreign Host name.
    const rebound = await httpRequest(`${h.relay.url}/ticket-counts`, {
      headers: { Origin: ALLOWED, Host: 'attacker.example' },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['access-control-allow-origin']).toBeUndefined();
  });
});
