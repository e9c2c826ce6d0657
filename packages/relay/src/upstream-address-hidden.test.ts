import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTicketCountsClient } from '@whmcs-ticket-counts/core';
import { createSampleData, startWhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, describe, expect, it } from 'vitest';
import type { Relay, RelayOptions } from './relay-options.js';
import { startRelay } from './start-relay.js';
import { httpRequest } from './test-support/http-client.js';
import { SseClient } from './test-support/sse-client.js';

let relay: Relay | undefined;
let stream: SseClient | undefined;

afterEach(async () => {
  stream?.close();
  stream = undefined;
  await relay?.close();
  relay = undefined;
});

/** A port on 127.0.0.1 where nothing listens: bound, noted, closed again. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function relayInFrontOfNothing(
  options: (whmcsUrl: string) => Partial<RelayOptions>,
): Promise<{ where: string; logLines: string[] }> {
  const port = await deadPort();
  const whmcsUrl = `http://127.0.0.1:${port}/`;
  const client = createTicketCountsClient({
    connection: {
      url: whmcsUrl,
      auth: { kind: 'api-credential', identifier: 'AnyIdentifier1', secret: 'AnySecretValue1' },
    },
    timeoutMs: 5_000,
  });
  const logLines: string[] = [];
  relay = await startRelay({
    port: 0,
    ...options(whmcsUrl),
    load: (signal) => client.getTicketCounts({}, { signal }),
    log: (line) => logLines.push(line),
  });
  return { where: `127.0.0.1:${port}`, logLines };
}

describe('the WHMCS address in error messages', () => {
  it('is "WHMCS" for viewers (JSON and event stream) and stays whole in the log', async () => {
    const { where, logLines } = await relayInFrontOfNothing((url) => ({ upstreamUrl: url }));
    const url = (relay as Relay).url;

    const response = await httpRequest(`${url}/ticket-counts`);
    expect(response.status).toBe(502);
    const error = JSON.parse(response.body).error;
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      'Nothing answered at WHMCS (connection refused); check the WHMCS URL and that the server is running.',
    );

    stream = new SseClient(`${url}/ticket-counts/events`);
    const event = await stream.nextEvent((e) => e.event === 'counts');
    expect(JSON.parse(event.data).error.message).toBe(error.message);
    for (const text of [response.body, JSON.stringify(response.headers), stream.raw]) {
      expect(text).not.toContain('127.0.0.1:');
    }
    // The admin still learns where the relay looked.
    expect(logLines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^upstream refresh failed in \\d+ ms: network\\. Nothing answered at ${where} `),
      ),
    );
  });

  it('is hidden with demoAdminUrl alone, the WHMCS base URL the CLI already passes', async () => {
    await relayInFrontOfNothing((url) => ({ demoAdminUrl: url }));
    const response = await httpRequest(`${(relay as Relay).url}/ticket-counts`);
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body).error.message).toContain('Nothing answered at WHMCS ');
  });
});

describe('the IP WHMCS refuses', () => {
  it('stays in the message when WHMCS runs on the same address, while its host:port is hidden', async () => {
    const data = createSampleData();
    // Not the address the relay calls from, so WHMCS answers "Invalid IP 127.0.0.1".
    data.allowedIps = ['192.0.2.10'];
    const sim = await startWhmcsSimulator({ data });
    const whmcsUrl = sim.baseUrl;
    const client = createTicketCountsClient({
      connection: {
        url: whmcsUrl,
        auth: { kind: 'api-credential', identifier: 'AnyIdentifier1', secret: 'AnySecretValue1' },
      },
    });
    try {
      expect(whmcsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      relay = await startRelay({
        port: 0,
        upstreamUrl: whmcsUrl,
        load: (signal) => client.getTicketCounts({}, { signal }),
      });
      const response = await httpRequest(`${relay.url}/ticket-counts`);
      expect(response.status).toBe(502);
      const error = JSON.parse(response.body).error;
      expect(error.kind).toBe('ip-not-allowed');
      // The admin must add exactly this IP in WHMCS; "from IP WHMCS" tells nobody anything.
      expect(error.message).toContain('from IP 127.0.0.1;');
      expect(response.body).not.toContain(new URL(whmcsUrl).host);
      expect(response.body).not.toContain(whmcsUrl);
    } finally {
      await sim.close();
    }
  });
});

describe('a redirect to another server', () => {
  it('names neither server to viewers and both to the admin', async () => {
    // A real server that sends WHMCS's API to a single sign-on page elsewhere, as a misconfigured
    // reverse proxy does.
    const redirecting = createServer((_request, response) => {
      response.writeHead(302, { location: 'https://sso.private-corp.example/login?next=%2Fapi' });
      response.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const { port } = redirecting.address() as AddressInfo;
    const whmcsUrl = `http://127.0.0.1:${port}/`;
    const client = createTicketCountsClient({
      connection: {
        url: whmcsUrl,
        auth: { kind: 'api-credential', identifier: 'AnyIdentifier1', secret: 'AnySecretValue1' },
      },
    });
    const logLines: string[] = [];
    try {
      relay = await startRelay({
        port: 0,
        upstreamUrl: whmcsUrl,
        load: (signal) => client.getTicketCounts({}, { signal }),
        log: (line) => logLines.push(line),
      });
      const response = await httpRequest(`${relay.url}/ticket-counts`);
      const error = JSON.parse(response.body).error;
      expect(error.kind).toBe('redirect');
      expect(error.message).toBe(
        "The server redirected the request (HTTP 302) to a login page at another server instead of WHMCS's API; check the WHMCS URL.",
      );
      expect(response.body).not.toContain('private-corp');
      expect(logLines.join('\n')).toContain('https://sso.private-corp.example/login');
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
    }
  });
});
