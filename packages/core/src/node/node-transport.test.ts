import { createServer, type Server } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { startWhmcsSimulator, type WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../errors/authentication-error.js';
import { NetworkError } from '../errors/network-error.js';
import { RedirectError } from '../errors/redirect-error.js';
import { startConnectProxy } from '../test-support/connect-proxy.js';
import { apiCredentialConnection, distinctSimData } from '../test-support/distinct-secrets.js';
import { expectSafeError, rejectionOf } from '../test-support/expect-safe-error.js';
import { createTicketCountsClient } from '../ticket-counts-client.js';
import type { Transport } from '../transport.js';
import { MAX_RESPONSE_BYTES } from './dispatch-request.js';
import { createNodeTransport } from './node-transport.js';

const SUCCESS =
  '{"result":"success","filteredDepartments":[],"allActive":2,"awaitingReply":1,"flaggedTickets":0}';

/** A bare server on 127.0.0.1 that counts TCP connections (the simulator does not expose them). */
async function countingServer(): Promise<{
  server: Server;
  url: string;
  connections: () => number;
}> {
  let connections = 0;
  const server = createServer((request, response) => {
    // Answer after the body is read: Node closes a connection whose request body was left unread.
    request.resume().on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(SUCCESS);
    });
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}/`, connections: () => connections };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const fetchThrough = (transport: Transport, url: string) =>
  createTicketCountsClient({
    connection: apiCredentialConnection(url),
    transport,
    timeoutMs: 5000,
  }).getTicketCounts();

describe('createNodeTransport', () => {
  it('reuses one connection across calls (keep-alive), and opens one per call without it', async () => {
    const { server, url, connections } = await countingServer();
    const keepAlive = createNodeTransport({ proxyFromEnv: false });
    const noKeepAlive = createNodeTransport({ proxyFromEnv: false, keepAlive: false });
    try {
      // undici may open a second connection while the first is still finishing its response.
      for (let i = 0; i < 6; i++) await fetchThrough(keepAlive, url);
      const pooled = connections();
      expect(pooled).toBeGreaterThanOrEqual(1);
      expect(pooled).toBeLessThanOrEqual(2);
      for (let i = 0; i < 3; i++) await fetchThrough(noKeepAlive, url);
      expect(connections()).toBe(pooled + 3);
    } finally {
      await keepAlive.close();
      await noKeepAlive.close();
      await closeServer(server);
    }
  });

  it('cuts off a body far larger than any WHMCS answer', async () => {
    const server = createServer((request, response) => {
      request
        .resume()
        .on('end', () => response.end(Buffer.alloc(MAX_RESPONSE_BYTES + 64 * 1024, 'a')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createNodeTransport({ proxyFromEnv: false });
    try {
      const { port } = server.address() as { port: number };
      const error = expectSafeError(
        await rejectionOf(fetchThrough(transport, `http://127.0.0.1:${port}/`)),
        NetworkError,
      );
      expect(error.message).toMatch(/megabytes/);
    } finally {
      await transport.close();
      await closeServer(server);
    }
  });

  it('reads answers compressed whatever the request asked for (gzip, x-gzip, deflate, br)', async () => {
    // Some web servers, CDNs and caches compress regardless of Accept-Encoding; fetch decodes
    // that itself, undici's dispatcher does not.
    const encoders: Record<string, (body: string) => Buffer> = {
      gzip: (body) => gzipSync(body),
      'x-gzip': (body) => gzipSync(body),
      deflate: (body) => deflateSync(body),
      br: (body) => brotliCompressSync(body),
    };
    let encoding = 'gzip';
    let answer = SUCCESS;
    const server = createServer((request, response) => {
      request.resume().on('end', () => {
        response.writeHead(answer === SUCCESS ? 200 : 403, {
          'content-type': 'application/json',
          'content-encoding': encoding,
        });
        response.end(
          encoding === 'bogus' ? Buffer.from('not compressed') : encoders[encoding]?.(answer),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createNodeTransport({ proxyFromEnv: false });
    try {
      const { port } = server.address() as { port: number };
      const url = `http://127.0.0.1:${port}/`;
      for (encoding of Object.keys(encoders)) {
        expect(await fetchThrough(transport, url)).toMatchObject({
          allActive: 2,
          awaitingReply: 1,
        });
      }
      // A failed login must be recognised through the compression too, or polling would go on.
      answer = '{"result":"error","message":"Authentication Failed"}';
      encoding = 'gzip';
      expectSafeError(await rejectionOf(fetchThrough(transport, url)), AuthenticationError);
      encoding = 'bogus';
      const undecodable = expectSafeError(
        await rejectionOf(fetchThrough(transport, url)),
        NetworkError,
      );
      expect(undecodable.message).toMatch(/compress/);
    } finally {
      await transport.close();
      await closeServer(server);
    }
  });

  it('leaves an empty body with a Content-Encoding alone (a redirect stays a redirect)', async () => {
    const server = createServer((request, response) => {
      request.resume().on('end', () => {
        response.writeHead(301, {
          location: 'https://example.com/includes/api.php',
          'content-encoding': 'gzip',
        });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createNodeTransport({ proxyFromEnv: false });
    try {
      const { port } = server.address() as { port: number };
      const error = expectSafeError(
        await rejectionOf(fetchThrough(transport, `http://127.0.0.1:${port}/`)),
        RedirectError,
      );
      expect(error.status).toBe(301);
    } finally {
      await transport.close();
      await closeServer(server);
    }
  });

  it('cuts off a compressed body that inflates far beyond any WHMCS answer', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_RESPONSE_BYTES * 4, 'a'));
    const server = createServer((request, response) => {
      request.resume().on('end', () => {
        response.writeHead(200, { 'content-encoding': 'gzip' });
        response.end(bomb);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createNodeTransport({ proxyFromEnv: false });
    try {
      const { port } = server.address() as { port: number };
      const error = expectSafeError(
        await rejectionOf(fetchThrough(transport, `http://127.0.0.1:${port}/`)),
        NetworkError,
      );
      expect(error.message).toMatch(/megabytes/);
    } finally {
      await transport.close();
      await closeServer(server);
    }
  });

  it('honours a plain AbortSignal when called directly (without our client)', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const transport = createNodeTransport({ proxyFromEnv: false });
    try {
      const { port } = hanging.address() as { port: number };
      const controller = new AbortController();
      const pending = transport({
        url: new URL(`http://127.0.0.1:${port}/includes/api.php`),
        body: 'action=GetTicketCounts',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        signal: controller.signal,
        timeoutMs: 30_000,
      });
      const reason = new Error('stop');
      controller.abort(reason);
      expect(await rejectionOf(pending)).toBe(reason);
    } finally {
      await transport.close();
      await closeServer(hanging);
    }
  });

  it('fails calls after close() with a clear NetworkError', async () => {
    const { server, url } = await countingServer();
    const transport = createNodeTransport({ proxyFromEnv: false });
    try {
      await fetchThrough(transport, url);
      await transport.close();
      const error = expectSafeError(await rejectionOf(fetchThrough(transport, url)), NetworkError);
      expect(error.message).toMatch(/already closed/);
    } finally {
      await closeServer(server);
    }
  });
});

describe('createNodeTransport with proxies from the environment', () => {
  let sim: WhmcsSimulator;
  const saved = { ...process.env };

  beforeAll(async () => {
    sim = await startWhmcsSimulator({ data: distinctSimData() });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    for (const name of [
      'HTTP_PROXY',
      'http_proxy',
      'HTTPS_PROXY',
      'https_proxy',
      'NO_PROXY',
      'no_proxy',
    ]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  function setProxyEnv(proxyUrl: string, noProxy = ''): void {
    for (const name of [
      'HTTP_PROXY',
      'http_proxy',
      'HTTPS_PROXY',
      'https_proxy',
      'NO_PROXY',
      'no_proxy',
    ]) {
      delete process.env[name];
    }
    process.env.HTTP_PROXY = proxyUrl;
    process.env.HTTPS_PROXY = proxyUrl;
    process.env.NO_PROXY = noProxy;
  }

  // A name only the test proxy knows (it maps *.test to 127.0.0.1): loopback itself never goes
  // through a proxy, and a direct request to this name would need DNS.
  const viaProxyName = () => sim.baseUrl.replace('127.0.0.1', 'whmcs.test');

  it('goes through HTTP_PROXY when it is set', async () => {
    const proxy = await startConnectProxy();
    setProxyEnv(proxy.url);
    const transport = createNodeTransport();
    try {
      const counts = await fetchThrough(transport, viaProxyName());
      expect(counts.filteredDepartments).toEqual([1]);
      expect(proxy.tunnels).toEqual([new URL(viaProxyName()).host]);
    } finally {
      await transport.close();
      await proxy.close();
    }
  });

  it('says so when the proxy refuses the tunnel', async () => {
    const proxy = createServer((_request, response) => response.writeHead(405).end());
    proxy.on('connect', (_request, socket) => {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="p"\r\n\r\n',
      );
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    setProxyEnv(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`);
    const transport = createNodeTransport();
    try {
      const error = expectSafeError(
        await rejectionOf(fetchThrough(transport, viaProxyName())),
        NetworkError,
      );
      expect(error.message).toMatch(/proxy refused .*HTTP 407.*credentials/);
    } finally {
      await transport.close();
      await closeServer(proxy);
    }
  });

  it('never sends loopback through the proxy, even without NO_PROXY', async () => {
    const proxy = await startConnectProxy();
    setProxyEnv(proxy.url);
    const transport = createNodeTransport();
    try {
      await fetchThrough(transport, sim.baseUrl);
      await fetchThrough(transport, sim.baseUrl.replace('127.0.0.1', 'localhost'));
      expect(proxy.tunnels).toEqual([]);
    } finally {
      await transport.close();
      await proxy.close();
    }
  });
});
