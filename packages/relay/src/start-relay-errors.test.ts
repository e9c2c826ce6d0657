import { describe, expect, it } from 'vitest';
import { InvalidRelayOptionsError } from './resolve-relay-options.js';
import { RelayListenError, startRelay } from './start-relay.js';
import { httpRequest } from './test-support/http-client.js';

const load = async () => ({
  filteredDepartments: [],
  allActive: 0,
  awaitingReply: 0,
  flaggedTickets: 0,
  countsDisabled: false,
});

describe('startRelay failures', () => {
  it('says in one sentence that the port is taken', async () => {
    const first = await startRelay({ port: 0, load });
    try {
      const port = Number(new URL(first.url).port);
      const second = startRelay({ port, load });
      await expect(second).rejects.toBeInstanceOf(RelayListenError);
      await expect(second).rejects.toThrow(
        `Port 127.0.0.1:${port} is already in use; stop the other program or choose another port.`,
      );
    } finally {
      await first.close();
    }
  });

  // 192.0.2.1 is reserved for documentation: no machine has it.
  it("says an address is not this machine's, naming no port when any free one would do", async () => {
    const attempt = startRelay({ load, host: '192.0.2.1', port: 0, log: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(RelayListenError);
    await expect(attempt).rejects.toThrow(
      "The relay cannot listen on 192.0.2.1, which is not one of this machine's addresses; choose a local host such as 127.0.0.1.",
    );
  });

  it('says which element script it cannot read', async () => {
    const relay = startRelay({
      port: 0,
      load,
      elementScript: { path: '/nonexistent/ticket-counts.js' },
    });
    await expect(relay).rejects.toBeInstanceOf(InvalidRelayOptionsError);
    await expect(relay).rejects.toThrow(
      'Cannot read the element script at /nonexistent/ticket-counts.js; build the web component or pass another path.',
    );
  });
});

describe('optional routes', () => {
  it('serves no demo page when turned off, and HEAD on the stream opens no subscription', async () => {
    const lines: string[] = [];
    const relay = await startRelay({ port: 0, load, demoPage: false, log: (l) => lines.push(l) });
    try {
      expect((await httpRequest(`${relay.url}/`)).status).toBe(404);
      const head = await httpRequest(`${relay.url}/ticket-counts/events`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(lines.some((l) => l.startsWith('subscribers'))).toBe(false);
      const options = await httpRequest(`${relay.url}/ticket-counts`, { method: 'OPTIONS' });
      expect(options.status).toBe(204);
      expect(options.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(options.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await relay.close();
    }
  });
});
