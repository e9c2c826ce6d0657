import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayPayload } from './payload/relay-payload.js';
import {
  delay,
  type HarnessOptions,
  RELAY_TEST_IDENTIFIER,
  RELAY_TEST_SECRET,
  type RelayHarness,
  startRelayHarness,
  waitUntil,
} from './test-support/relay-harness.js';

let harness: RelayHarness | undefined;

async function start(options: HarnessOptions = {}): Promise<RelayHarness> {
  harness = await startRelayHarness(options);
  return harness;
}

afterEach(async () => {
  const h = harness;
  harness = undefined;
  if (!h) return;
  await h.close();
  for (const text of [...h.seen, ...h.logLines]) {
    expect(text).not.toContain(RELAY_TEST_SECRET);
    expect(text).not.toContain(RELAY_TEST_IDENTIFIER);
  }
});

describe('GET /ticket-counts', () => {
  it('serves the counts with a strong ETag, a private max-age and the security headers', async () => {
    const h = await start({ relay: { ttlSeconds: 60 } });
    const response = await h.get('/ticket-counts');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const maxAge = Number(
      response.headers['cache-control']?.toString().match(/^private, max-age=(\d+)$/)?.[1],
    );
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(60);

    const payload = JSON.parse(response.body) as RelayPayload;
    expect(payload.filteredDepartments).toEqual([1, 2]);
    expect(typeof payload.allActive).toBe('number');
    expect(typeof payload.awaitingReply).toBe('number');
    expect(typeof payload.flaggedTickets).toBe('number');
    expect(payload.status?.open?.title).toBe('Open');
    expect(payload.stale).toBe(false);
    expect(payload.error).toBeUndefined();
    expect(new Date(payload.fetchedAt).toISOString()).toBe(payload.fetchedAt);
    expect(Object.keys(payload)).not.toContain('countsDisabled');

    const again = await h.get('/ticket-counts', {
      headers: { 'If-None-Match': `"nope", ${response.headers.etag}` },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(response.headers.etag);
    const other = await h.get('/ticket-counts', {
      headers: { 'If-None-Match': '"something-else"' },
    });
    expect(other.status).toBe(200);
    expect(h.upstreamRequests()).toBe(1);
  });

  it('answers 502 with the error payload when WHMCS fails and no good value exists', async () => {
    const h = await start({ relay: { ttlSeconds: 0.2 } });
    h.sim.setFault({ kind: 'maintenance' });
    const failed = await h.get('/ticket-counts');
    expect(failed.status).toBe(502);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(Number(failed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const body = JSON.parse(failed.body) as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('not-json');
    expect(body.error.message).toMatch(/\.$/);
    expect(failed.body).not.toContain('Maintenance');
    expect(failed.body).not.toContain(h.sim.baseUrl.replace(/\/$/, ''));

    // Once a good value exists, a later failure keeps it and marks it stale.
    h.sim.setFault(undefined);
    await delay(250);
    const good = await h.get('/ticket-counts');
    expect(good.status).toBe(200);
    h.sim.setFault({ kind: 'server-error', status: 503 });
    await delay(250);
    const stale = await h.get('/ticket-counts');
    expect(stale.status).toBe(200);
    const payload = JSON.parse(stale.body) as RelayPayload;
    expect(payload.stale).toBe(true);
    expect(payload.error?.kind).toBe('http');
    expect(payload.allActive).toBe((JSON.parse(good.body) as RelayPayload).allActive);
    expect(h.upstreamRequests()).toBe(3);
  });

  it('gives one upstream request per TTL to 50 GETs and 20 live viewers, and none once all leave', async () => {
    const ttlMs = 600;
    const h = await start({ relay: { ttlSeconds: ttlMs / 1000, maxSubscribers: 50 } });
    const viewers = Array.from({ length: 20 }, () => h.subscribe());
    const gets = await Promise.all(Array.from({ length: 50 }, () => h.get('/ticket-counts')));
    expect(gets.every((r) => r.status === 200)).toBe(true);
    expect(new Set(gets.map((r) => r.headers.etag)).size).toBe(1);
    await Promise.all(viewers.map((v) => v.nextEvent((e) => e.event === 'counts')));
    expect(h.upstreamRequests()).toBe(1);

    // The viewers keep the engine polling: the next event is the next TTL's refresh.
    const afterFirst = (v: (typeof viewers)[number]) =>
      v.events.findIndex((e) => e.event === 'counts') + 1;
    await Promise.all(
      viewers.map((v) => v.nextEvent((e) => e.event === 'counts', afterFirst(v), 3_000)),
    );
    await Promise.all(Array.from({ length: 50 }, () => h.get('/ticket-counts')));
    // On a loaded machine the engine may have polled once more meanwhile; what must hold is that
    // no two upstream requests are closer than a TTL (the GETs added none of their own).
    const times = h.sim.requests.map((r) => r.at);
    expect(times.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < times.length; i += 1) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(ttlMs - 20);
    }

    for (const viewer of viewers) viewer.close();
    await waitUntil(() => h.logLines.includes('subscribers 0 (-1)'));
    const before = h.upstreamRequests();
    await delay(ttlMs * 3);
    expect(h.upstreamRequests()).toBe(before);
    expect(h.relay.engine.state.refreshing).toBe(false);
    expect(h.relay.engine.state.nextRefreshAt).toBeUndefined();
  });
});

describe('GET /ticket-counts/events', () => {
  it('streams the counts at once, every change, heartbeats and a retry hint', async () => {
    const h = await start({ relay: { ttlSeconds: 0.3, heartbeatSeconds: 0.1 } });
    const viewer = h.subscribe();
    const res = await viewer.response();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-accel-buffering']).toBe('no');
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const first = await viewer.nextEvent((e) => e.event === 'counts');
    expect(viewer.raw.startsWith('retry: ')).toBe(true);
    const before = JSON.parse(first.data) as RelayPayload;
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{27}$/);

    h.sim.data.tickets.push({ id: 9001, departmentId: 1, status: 'Open' });
    const changed = await viewer.nextEvent(
      (e) =>
        e.event === 'counts' &&
        (JSON.parse(e.data) as RelayPayload).awaitingReply !== before.awaitingReply,
    );
    const after = JSON.parse(changed.data) as RelayPayload;
    expect(after.awaitingReply).toBe((before.awaitingReply ?? 0) + 1);
    expect(after.allActive).toBe((before.allActive ?? 0) + 1);
    expect(after.status?.open?.count).toBe((before.status?.open?.count ?? 0) + 1);

    // An event, not a comment, so pages can tell a quiet stream from a dead one; its data is the
    // interval in milliseconds. One comes at once, then one every heartbeatSeconds.
    expect(viewer.events[0]).toEqual({ event: 'heartbeat', data: '100' });
    const later = await viewer.nextEvent((e) => e.event === 'heartbeat', 1);
    expect(later).toEqual({ event: 'heartbeat', data: '100' });
  });

  it('refuses viewers past maxSubscribers with 503 and Retry-After, and frees the slot on leave', async () => {
    const h = await start({ relay: { maxSubscribers: 2 } });
    const a = h.subscribe();
    const b = h.subscribe();
    await Promise.all([a.nextEvent(), b.nextEvent()]);
    const refused = await h.get('/ticket-counts/events');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { kind: 'too-many-subscribers' } });
    expect(h.logLines.some((l) => l.startsWith('subscriber refused'))).toBe(true);

    a.close();
    await waitUntil(() => h.logLines.includes('subscribers 1 (-1)'));
    const c = h.subscribe();
    expect((await c.response()).statusCode).toBe(200);
    await c.nextEvent((e) => e.event === 'counts');
  });
});

describe('other routes', () => {
  it('answers 405 to other methods, 404 JSON elsewhere, and HEAD without a body', async () => {
    const h = await start();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await h.get('/ticket-counts', { method });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(JSON.parse(response.body)).toMatchObject({ error: { kind: 'method-not-allowed' } });
    }
    for (const path of [
      '/nope',
      '/ticket-counts/',
      '/ticket-counts.js',
      '/TICKET-COUNTS',
      '//evil.example/',
    ]) {
      const response = await h.get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(response.body)).toMatchObject({ error: { kind: 'not-found' } });
      expect(response.body).not.toContain('evil');
    }
    const head = await h.get('/ticket-counts', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toMatch(/^"/);
  });

  it('serves the element script with an ETag and a static demo page with a CSP', async () => {
    const source = 'customElements.define("ticket-counts", class extends HTMLElement {});\n';
    const h = await start({
      relay: { elementScript: { source }, demoAdminUrl: 'https://whmcs.example/' },
    });
    const script = await h.get('/ticket-counts.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe(source);
    const cached = await h.get('/ticket-counts.js', {
      headers: { 'If-None-Match': String(script.headers.etag) },
    });
    expect(cached.status).toBe(304);

    const page = await h.get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp.match(/script-src [^;]*/)?.[0]).toBe("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('<script type="module" src="/ticket-counts.js"></script>');
    expect(page.body).toContain(
      '<ticket-counts src="/ticket-counts" refresh="live" admin-url="https://whmcs.example/">',
    );
    // Static: the same bytes before and after the counts change, and no count in them.
    h.sim.data.tickets.push({ id: 9002, departmentId: 1, status: 'Open' });
    await h.relay.engine.refresh();
    expect((await h.get('/')).body).toBe(page.body);
  });

  it('links the demo page into a renamed admin folder (finding 9)', async () => {
    const h = await start({
      relay: { demoAdminUrl: 'https://whmcs.example/billing/', adminFolder: 'wh-secret' },
    });
    const page = await h.get('/');
    const tags = page.body.match(/<ticket-counts [^>]*>/g) ?? [];
    expect(tags).toHaveLength(2);
    for (const tag of tags) {
      expect(tag).toBe(
        '<ticket-counts src="/ticket-counts" refresh="live" admin-url="https://whmcs.example/billing/" admin-folder="wh-secret">',
      );
    }
  });

  it('shows no WHMCS URL on the demo page unless demoAdminUrl is given, nor when a token guards the counts', async () => {
    const plain = await start({ relay: { adminFolder: 'wh-secret' } });
    const page = (await plain.get('/')).body;
    expect(page).not.toContain('admin-url');
    expect(page).not.toContain('wh-secret');
    expect(page).not.toContain(plain.sim.baseUrl.replace(/\/$/, ''));
    await plain.close();
    harness = undefined;

    // The demo page needs no token, but with one it cannot show counts, so links would only
    // tell strangers where WHMCS is.
    const guarded = await start({
      relay: {
        token: 'viewer-TOKEN-7hQ2',
        demoAdminUrl: 'https://whmcs.example/',
        adminFolder: 'wh-secret',
      },
    });
    const guardedPage = (await guarded.get('/')).body;
    expect(guardedPage).not.toContain('whmcs.example');
    expect(guardedPage).not.toContain('wh-secret');
  });

  it('shows the embedding snippet it talks about, as text (finding 14)', async () => {
    const h = await start({
      relay: { demoAdminUrl: 'https://whmcs.example/', adminFolder: 'wh-secret' },
    });
    const body = (await h.get('/')).body;
    const snippet = body.match(/<pre[^>]*><code>([\s\S]*?)<\/code><\/pre>/)?.[1];
    expect(snippet).toBeDefined();
    const text = decodeEntities(snippet ?? '');
    expect(text).toContain(`<script type="module" src="${h.relay.url}/ticket-counts.js"></script>`);
    expect(text).toContain(
      `<ticket-counts src="${h.relay.url}/ticket-counts" refresh="live" admin-url="https://whmcs.example/" admin-folder="wh-secret"></ticket-counts>`,
    );
    // Text, not markup: the snippet adds no element to the page.
    expect(body.match(/<ticket-counts /g)).toHaveLength(2);
    expect(body).not.toContain('and the tag above');
  });

  it('reports health without details for strangers', async () => {
    const h = await start();
    const health = await h.get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'ok',
      subscribers: 0,
      fetchedAt: null,
    });
    expect(health.body).not.toContain('127.0.0.1');
    expect(h.upstreamRequests()).toBe(0);

    h.sim.setFault({ kind: 'server-error', status: 500 });
    expect((await h.get('/ticket-counts')).status).toBe(502);
    const degraded = await h.get('/healthz');
    expect(degraded.status).toBe(200);
    expect(JSON.parse(degraded.body)).toEqual({
      status: 'degraded',
      fetchedAt: null,
      stale: true,
      errorKind: 'http',
      subscribers: 0,
      ttlSeconds: 60,
    });
  });
});

function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('close()', () => {
  it('ends event streams, stops polling, closes the server, and may be called twice', async () => {
    const h = await start({ relay: { ttlSeconds: 0.2 } });
    const viewer = h.subscribe();
    await viewer.nextEvent();
    const port = Number(new URL(h.relay.url).port);
    await Promise.all([h.relay.close(), h.relay.close()]);
    await viewer.waitFor(() => viewer.ended);
    expect(h.logLines).toContain('relay closed');
    expect(h.relay.engine.state.nextRefreshAt).toBeUndefined();
    const requests = h.upstreamRequests();
    await delay(500);
    expect(h.upstreamRequests()).toBe(requests);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await h.relay.close();
  });
});
