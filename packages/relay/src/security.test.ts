import { afterEach, describe, expect, it } from 'vitest';
import type { RelayPayload } from './payload/relay-payload.js';
import { startRelay } from './start-relay.js';
import { httpRequest } from './test-support/http-client.js';
import {
  delay,
  type HarnessOptions,
  RELAY_TEST_SECRET,
  type RelayHarness,
  startRelayHarness,
} from './test-support/relay-harness.js';

const TOKEN = 'viewer-TOKEN-7fG2hJ9kL4mN';
const ALLOWED = 'https://dashboard.example';

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
  // Every response header, body, stream and log line of every test: no secret, no token.
  for (const text of [...h.seen, ...h.logLines]) {
    expect(text).not.toContain(RELAY_TEST_SECRET);
    expect(text).not.toContain(encodeURIComponent(RELAY_TEST_SECRET));
    expect(text).not.toContain(TOKEN);
  }
});

describe('CORS', () => {
  it('echoes exactly an allowed origin with Vary: Origin and refuses every other origin', async () => {
    const h = await start({ relay: { allowOrigins: [ALLOWED] } });
    const allowed = await h.get('/ticket-counts', { headers: { Origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(allowed.headers.vary).toBe('Origin');

    for (const origin of [
      'https://evil.example',
      `${ALLOWED}.evil.example`,
      'http://dashboard.example',
      'null',
    ]) {
      const refused = await h.get('/ticket-counts', { headers: { Origin: origin } });
      expect(refused.status, origin).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(JSON.parse(refused.body)).toMatchObject({ error: { kind: 'origin-not-allowed' } });
      const stream = await h.get('/ticket-counts/events', { headers: { Origin: origin } });
      expect(stream.status).toBe(403);
    }
    // The relay's own origin is not foreign.
    const own = await h.get('/ticket-counts', { headers: { Origin: h.relay.url } });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights for allowed origins only', async () => {
    const h = await start({ relay: { allowOrigins: [ALLOWED], token: TOKEN } });
    const preflight = {
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    };
    const ok = await h.get('/ticket-counts', {
      method: 'OPTIONS',
      headers: { Origin: ALLOWED, ...preflight },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(ok.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(ok.headers['access-control-allow-headers']).toMatch(/\bAuthorization\b/);
    expect(ok.headers.vary).toContain('Origin');

    const post = await h.get('/ticket-counts', {
      method: 'OPTIONS',
      headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST' },
    });
    expect(post.status).toBe(405);

    const refused = await h.get('/ticket-counts', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', ...preflight },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(h.upstreamRequests()).toBe(0);
  });

  it('allows no cross-origin reads by default', async () => {
    const h = await start();
    const response = await h.get('/ticket-counts', { headers: { Origin: ALLOWED } });
    expect(response.status).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(h.upstreamRequests()).toBe(0);
  });
});

describe('token', () => {
  it('requires the bearer token on the counts, and accepts ?token= only on the event stream', async () => {
    const h = await start({ relay: { token: TOKEN } });
    const missing = await h.get('/ticket-counts');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="whmcs-ticket-counts"');
    expect(JSON.parse(missing.body)).toMatchObject({ error: { kind: 'unauthorized' } });
    const wrong = await h.get('/ticket-counts', { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const query = await h.get(`/ticket-counts?token=${TOKEN}`);
    expect(query.status).toBe(401);
    expect(h.upstreamRequests()).toBe(0);

    const ok = await h.get('/ticket-counts', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);

    expect((await h.get('/ticket-counts/events')).status).toBe(401);
    const viewer = h.subscribe(`/ticket-counts/events?token=${TOKEN}`);
    expect((await viewer.response()).statusCode).toBe(200);
    await viewer.nextEvent((e) => e.event === 'counts');
    const withHeader = h.subscribe('/ticket-counts/events', { Authorization: `Bearer ${TOKEN}` });
    await withHeader.nextEvent((e) => e.event === 'counts');

    // Strangers learn the status word only; the token holder gets details (never a message).
    expect(JSON.parse((await h.get('/healthz')).body)).toEqual({ status: 'ok' });
    const details = await h.get('/healthz', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(JSON.parse(details.body)).toMatchObject({ status: 'ok', subscribers: 2, stale: false });
  });

  it('refuses Host names other than loopback while bound to loopback (DNS rebinding)', async () => {
    const h = await start();
    const rebound = await h.get('/ticket-counts', { headers: { Host: 'attacker.example' } });
    expect(rebound.status).toBe(403);
    const port = new URL(h.relay.url).port;
    expect(JSON.parse(rebound.body)).toEqual({
      error: {
        kind: 'forbidden-host',
        message: `This relay only answers requests addressed to localhost; open it as http://127.0.0.1:${port}/.`,
      },
    });
    expect((await h.get('/ticket-counts', { headers: { Host: `localhost:${port}` } })).status).toBe(
      200,
    );
  });

  it('answers a loopback Host spelled as a fully qualified name (trailing dot), and nothing else', async () => {
    const h = await start();
    const port = new URL(h.relay.url).port;
    for (const host of [`localhost.:${port}`, `LOCALHOST.:${port}`, `127.0.0.1.:${port}`]) {
      const answer = await h.get('/ticket-counts', { headers: { Host: host } });
      expect(answer.status, host).toBe(200);
    }
    for (const host of ['attacker.example.', 'localhost.attacker.example.', 'localhost..', '.']) {
      const answer = await h.get('/ticket-counts', { headers: { Host: host } });
      expect(answer.status, host).toBe(403);
    }
  });

  it.each(['LOCALHOST', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])(
    'keeps the DNS rebinding guard, and no exposure warning, when bound to loopback spelled %s',
    async (host) => {
      const logLines: string[] = [];
      const relay = await startRelay({
        host,
        port: 0,
        load: async () => ({
          filteredDepartments: [],
          allActive: 1,
          awaitingReply: 1,
          flaggedTickets: 0,
          countsDisabled: false,
        }),
        log: (line) => logLines.push(line),
      });
      try {
        const rebound = await httpRequest(`${relay.url}/healthz`, {
          headers: { Host: 'attacker.example' },
        });
        expect(rebound.status).toBe(403);
        expect(logLines.join('\n')).not.toMatch(/warning/);
      } finally {
        await relay.close();
      }
    },
  );

  it('tells the log why it refused a Host, once, so a reverse proxy passing its own Host is found', async () => {
    const h = await start();
    const port = new URL(h.relay.url).port;
    for (const host of ['intranet.example', 'attacker.example']) {
      expect((await h.get('/ticket-counts', { headers: { Host: host } })).status).toBe(403);
    }
    const refusals = h.logLines.filter((line) => line.includes('refused'));
    expect(refusals).toEqual([
      `request refused: its Host header does not name this machine (the DNS rebinding guard); a reverse proxy in front must pass Host 127.0.0.1:${port}, or listen on another address.`,
    ]);
  });

  it('tells the log which origin it refused, so a mistyped allowed origin is found', async () => {
    const h = await start({ relay: { allowOrigins: [ALLOWED] } });
    const headers = { Origin: 'http://dashboard.example' };
    expect((await h.get('/ticket-counts', { headers })).status).toBe(403);
    expect(
      (await h.get('/ticket-counts', { headers: { Origin: 'https://other.example' } })).status,
    ).toBe(403);
    // Folded into the first line until the next report, like every other refusal.
    expect(h.logLines.filter((line) => line.includes('refused'))).toEqual([
      'request refused: the origin http://dashboard.example is not among the allowed origins; add it there if its pages should read the counts.',
    ]);
  });
});

describe('token with URL characters', () => {
  it('accepts a base64 token (+ / =) pasted raw into ?token=, as well as percent-encoded', async () => {
    // `openssl rand -base64 32` tokens carry + / =; form decoding would read the + as a space,
    // which no token can contain, so the + can only be meant literally.
    const token = 'ab+cd/ef+GH==';
    const h = await start({ relay: { token } });
    const raw = h.subscribe(`/ticket-counts/events?token=${token}`);
    expect((await raw.response()).statusCode).toBe(200);
    const encoded = h.subscribe(`/ticket-counts/events?token=${encodeURIComponent(token)}`);
    expect((await encoded.response()).statusCode).toBe(200);
    const spaced = h.subscribe('/ticket-counts/events?token=ab%20cd/ef%20GH==');
    expect((await spaced.response()).statusCode).toBe(401);
    const malformed = h.subscribe('/ticket-counts/events?token=%E0%A4%A');
    expect((await malformed.response()).statusCode).toBe(401);
  });
});

describe('upstream failures', () => {
  it('stops asking WHMCS after an authentication failure while viewers see the error', async () => {
    const h = await start({
      secret: 'wrong-Rly-S3cr3t-zq9XwP4vLm7Kd2Tn8Bh5Gf1Jc6',
      relay: { ttlSeconds: 0.2 },
    });
    const viewer = h.subscribe();
    const event = await viewer.nextEvent((e) => e.event === 'counts');
    expect(JSON.parse(event.data)).toMatchObject({ error: { kind: 'authentication' } });

    const first = await h.get('/ticket-counts');
    expect(first.status).toBe(502);
    expect(first.headers['retry-after']).toBeUndefined();
    expect(JSON.parse(first.body)).toMatchObject({ error: { kind: 'authentication' } });
    // Several TTLs, a live viewer and repeated GETs: still the one request.
    await delay(1_000);
    await Promise.all(Array.from({ length: 10 }, () => h.get('/ticket-counts')));
    expect(h.upstreamRequests()).toBe(1);
    expect(h.sim.failedLogins()).toBe(1);

    const health = await h.get('/healthz');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'halted',
      errorKind: 'authentication',
    });
    expect(health.body).not.toContain('message');
    expect(
      h.logLines.some((l) => /failed in \d+ ms: authentication; upstream requests stop/.test(l)),
    ).toBe(true);
  });

  it('scrubs URL userinfo, secret fields and configured secrets out of error messages', async () => {
    const logLines: string[] = [];
    const relay = await startRelay({
      port: 0,
      redact: ['hunter2-DISTINCT'],
      log: (line) => logLines.push(line),
      load: async () => {
        throw Object.assign(
          new Error(
            'Could not reach https://admin:pa55-DISTINCT@whmcs.example/includes/api.php?secret=qs-DISTINCT&x=1 with hunter2-DISTINCT.\n<html>',
          ),
          { kind: 'network', retryable: true, stopsPolling: false },
        );
      },
    });
    try {
      const response = await httpRequest(`${relay.url}/ticket-counts`);
      expect(response.status).toBe(502);
      const payload = JSON.parse(response.body) as { error: { kind: string; message: string } };
      expect(payload.error.kind).toBe('network');
      expect(payload.error.message).toContain('https://whmcs.example/includes/api.php');
      for (const secret of ['pa55-DISTINCT', 'qs-DISTINCT', 'hunter2-DISTINCT', '\n']) {
        expect(payload.error.message).not.toContain(secret);
      }
      expect(logLines.join('\n')).not.toContain('DISTINCT');
    } finally {
      await relay.close();
    }
  });

  it('never passes on fields the load returned beyond the payload', async () => {
    const relay = await startRelay({
      port: 0,
      load: async () =>
        ({
          filteredDepartments: [],
          allActive: null,
          awaitingReply: null,
          flaggedTickets: null,
          countsDisabled: true,
          secret: RELAY_TEST_SECRET,
        }) as never,
    });
    try {
      const response = await httpRequest(`${relay.url}/ticket-counts`);
      const payload = JSON.parse(response.body) as RelayPayload;
      expect(payload).toMatchObject({ allActive: null, awaitingReply: null, flaggedTickets: null });
      expect(Object.keys(payload).sort()).toEqual([
        'allActive',
        'awaitingReply',
        'fetchedAt',
        'filteredDepartments',
        'flaggedTickets',
        'stale',
      ]);
    } finally {
      await relay.close();
    }
  });

  it('answers a broken load result with a one-sentence 500 and keeps serving', async () => {
    const logLines: string[] = [];
    const relay = await startRelay({
      port: 0,
      log: (line) => logLines.push(line),
      load: async () => ({ allActive: 'SECRET-ISH BODY' }) as never,
      allowOrigins: [ALLOWED],
    });
    try {
      const response = await httpRequest(`${relay.url}/ticket-counts`, {
        headers: { Origin: ALLOWED },
      });
      expect(response.status).toBe(500);
      // An allowed page can read that the relay failed, rather than seeing a network error.
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(JSON.parse(response.body)).toEqual({
        error: {
          kind: 'internal',
          message: 'The relay failed to answer; try again or check its log.',
        },
      });
      expect(logLines).toContain('internal error while answering a request (TypeError)');
      expect((await httpRequest(`${relay.url}/healthz`)).status).toBe(200);
    } finally {
      await relay.close();
    }
  });
});
