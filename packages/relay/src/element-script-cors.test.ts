import { afterEach, describe, expect, it } from 'vitest';
import { type RelayHarness, startRelayHarness } from './test-support/relay-harness.js';

const SOURCE = 'customElements.define("ticket-counts", class extends HTMLElement {});\n';
const ALLOWED = 'https://dashboard.example';
const FOREIGN = 'https://intranet.example';
const TOKEN = 'viewer-TOKEN-9sD3fW6qR1tY';

let harness: RelayHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('the element script across origins', () => {
  it('is readable by every origin with Access-Control-Allow-Origin: *, the same answer for all', async () => {
    harness = await startRelayHarness({
      relay: { elementScript: { source: SOURCE }, allowOrigins: [ALLOWED] },
    });
    const h = harness;
    const etag = String((await h.get('/ticket-counts.js')).headers.etag);
    const origins: Record<string, string>[] = [
      {},
      { Origin: ALLOWED },
      { Origin: FOREIGN },
      { Origin: 'null' },
    ];
    for (const headers of origins) {
      const answers = [
        [200, await h.get('/ticket-counts.js', { headers })],
        [200, await h.get('/ticket-counts.js', { method: 'HEAD', headers })],
        [304, await h.get('/ticket-counts.js', { headers: { ...headers, 'If-None-Match': etag } })],
      ] as const;
      for (const [status, response] of answers) {
        const origin = JSON.stringify(headers);
        expect(response.status, origin).toBe(status);
        expect(response.headers['access-control-allow-origin'], origin).toBe('*');
        expect(response.headers['access-control-allow-credentials'], origin).toBeUndefined();
        // One answer whatever the Origin: nothing for a cache to keep apart.
        expect(response.headers.vary, origin).toBeUndefined();
      }
    }
    expect(h.logLines.filter((line) => line.includes('refused'))).toEqual([]);
  });

  it('leaves the data routes to the exact allowed origins', async () => {
    harness = await startRelayHarness({
      relay: { elementScript: { source: SOURCE }, allowOrigins: [ALLOWED] },
    });
    const h = harness;
    for (const path of ['/ticket-counts', '/ticket-counts/events', '/healthz', '/nope']) {
      const foreign = await h.get(path, { method: 'HEAD', headers: { Origin: FOREIGN } });
      expect(foreign.headers['access-control-allow-origin'], path).toBeUndefined();
      const allowed = await h.get(path, { method: 'HEAD', headers: { Origin: ALLOWED } });
      expect(allowed.headers['access-control-allow-origin'], path).toBe(ALLOWED);
      expect(allowed.headers.vary, path).toBe('Origin');
    }
  });

  it('still needs no token, and still answers only a loopback Host', async () => {
    harness = await startRelayHarness({
      relay: { elementScript: { source: SOURCE }, token: TOKEN },
    });
    const h = harness;
    const open = await h.get('/ticket-counts.js', { headers: { Origin: FOREIGN } });
    expect(open.status).toBe(200);
    expect(open.body).toBe(SOURCE);
    const rebound = await h.get('/ticket-counts.js', {
      headers: { Host: 'attacker.example', Origin: FOREIGN },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['access-control-allow-origin']).toBeUndefined();
    expect(rebound.body).not.toContain('customElements');
  });
});
