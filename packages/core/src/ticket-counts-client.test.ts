import { createServer, type IncomingHttpHeaders } from 'node:http';
import { startWhmcsSimulator, type WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_VERSION } from './client-version.js';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { NetworkError } from './errors/network-error.js';
import { RedirectError } from './errors/redirect-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { md5Hex } from './md5.js';
import { closedPort } from './test-support/closed-port.js';
import {
  adminLoginConnection,
  apiCredentialConnection,
  DISTINCT,
  distinctSimData,
} from './test-support/distinct-secrets.js';
import { expectSafeError, rejectionOf } from './test-support/expect-safe-error.js';
import { TRANSPORTS } from './test-support/transports.js';
import { createTicketCountsClient } from './ticket-counts-client.js';
import type { Transport } from './transport.js';

describe.each(TRANSPORTS)('client over $name against the simulator', ({ create }) => {
  let sim: WhmcsSimulator;
  let transport: Transport;
  let closeTransport: () => Promise<void>;

  beforeAll(async () => {
    sim = await startWhmcsSimulator({ basePath: '/billing/', data: distinctSimData() });
    ({ transport, close: closeTransport } = create());
  });
  afterAll(async () => {
    await closeTransport();
    await sim.close();
  });
  afterEach(() => {
    sim.setFault(undefined);
    sim.requests.length = 0;
  });

  const client = (connection = apiCredentialConnection(sim.baseUrl), timeoutMs = 5000) =>
    createTicketCountsClient({ connection, transport, timeoutMs });

  it('gets the counts of the API admin’s departments, with the sub-folder URL in any form', async () => {
    for (const url of [sim.baseUrl, sim.baseUrl.slice(0, -1), sim.apiUrl, `${sim.apiUrl}?x=1#y`]) {
      const counts = await client(apiCredentialConnection(url)).getTicketCounts();
      expect(counts.filteredDepartments).toEqual([1]);
      expect(counts.countsDisabled).toBe(false);
      expect(counts.status).toBeUndefined();
      for (const total of [counts.allActive, counts.awaitingReply, counts.flaggedTickets]) {
        expect(Number.isInteger(total)).toBe(true);
      }
    }
    expect(sim.requests.map((request) => request.path)).toEqual(
      Array(4).fill('/billing/includes/api.php'),
    );
  });

  it('POSTs a form with the secret in the body only, never in the URL', async () => {
    await client().getTicketCounts();
    const [request] = sim.requests;
    expect(request?.method).toBe('POST');
    expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.query).toBe('');
    expect(request?.fields).toEqual({
      action: 'GetTicketCounts',
      responsetype: 'json',
      identifier: DISTINCT.identifier,
      secret: DISTINCT.secret,
    });
  });

  it('sends flags as 1 when set and leaves false flags out', async () => {
    const counts = await client().getTicketCounts({
      ignoreDepartmentAssignments: true,
      includeCountsByStatus: true,
    });
    await client().getTicketCounts({
      ignoreDepartmentAssignments: false,
      includeCountsByStatus: false,
    });
    const [on, off] = sim.requests;
    expect(on?.fields).toMatchObject({
      ignoreDepartmentAssignments: '1',
      includeCountsByStatus: '1',
    });
    expect(off?.fields).not.toHaveProperty('ignoreDepartmentAssignments');
    expect(off?.fields).not.toHaveProperty('includeCountsByStatus');
    // All departments counted, so the server says "no department filter".
    expect(counts.filteredDepartments).toEqual([]);
    expect(counts.status?.billingampsales).toEqual({
      title: 'Billing &amp; Sales',
      count: expect.any(Number),
    });
  });

  it('counts exactly what the simulator holds, and follows changes', async () => {
    const before = await client().getTicketCounts({ ignoreDepartmentAssignments: true });
    sim.data.tickets.push({ id: 9001, departmentId: 2, status: 'Open' });
    const after = await client().getTicketCounts({ ignoreDepartmentAssignments: true });
    expect(after.awaitingReply).toBe((before.awaitingReply as number) + 1);
    expect(after.allActive).toBe((before.allActive as number) + 1);
    sim.data.tickets.pop();
  });

  it('logs in as an admin with the MD5 of the password, and sends the access key', async () => {
    sim.data.allowedIps = ['203.0.113.1'];
    try {
      const counts = await client(
        adminLoginConnection(sim.baseUrl, { accessKey: DISTINCT.accessKey }),
      ).getTicketCounts();
      expect(counts.filteredDepartments).toEqual([1]);
      expect(sim.requests[0]?.fields).toMatchObject({
        username: DISTINCT.adminUsername,
        password: md5Hex(DISTINCT.adminPassword),
        accesskey: DISTINCT.accessKey,
      });
    } finally {
      sim.data.allowedIps = ['127.0.0.1', '::1'];
    }
  });

  it('reads numeric strings as numbers and "x" as switched-off counts', async () => {
    const normal = await client().getTicketCounts({ includeCountsByStatus: true });
    sim.setFault({ kind: 'numeric-strings' });
    expect(await client().getTicketCounts({ includeCountsByStatus: true })).toEqual(normal);
    sim.setFault({ kind: 'counts-disabled' });
    expect(await client().getTicketCounts()).toMatchObject({
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
      countsDisabled: true,
    });
  });

  it('does not follow a 301: one request, and the error names the new location', async () => {
    sim.setFault({
      kind: 'redirect',
      status: 301,
      location: 'https://billing.example.com/includes/api.php',
    });
    const error = expectSafeError(await rejectionOf(client().getTicketCounts()), RedirectError);
    expect(error.status).toBe(301);
    expect(error.location).toBe('https://billing.example.com/includes/api.php');
    // Finding 13: the base URL is what the user configures, not …/includes/api.php.
    expect(error.message).toMatch(/update the URL to https:\/\/billing\.example\.com\/\.$/);
    expect(error.message).toMatch(/drop the POST body/);
    expect(sim.requests).toHaveLength(1);
  });

  // Finding 13: a login page is not where WHMCS is, and its query may carry tokens.
  it('a redirect to a login page shows neither its query nor "update the URL to" it', async () => {
    sim.setFault({
      kind: 'redirect',
      status: 301,
      location: '/login.php?secret=leak&token=abc#frag',
    });
    const error = expectSafeError(await rejectionOf(client().getTicketCounts()), RedirectError);
    const origin = new URL(sim.baseUrl).origin;
    expect(error.message).toBe(
      `The server redirected the request (HTTP 301) to a login page at ${origin}/login.php instead of WHMCS's API; check the WHMCS URL.`,
    );
    expect(error.location).toBe(`${origin}/login.php`);
    expect(JSON.stringify(error)).not.toMatch(/leak|token=|frag/);
  });

  it('a redirect elsewhere says so and asks to check the URL', async () => {
    sim.setFault({ kind: 'redirect', status: 302, location: 'https://www.example.com/?ref=abc' });
    const error = expectSafeError(await rejectionOf(client().getTicketCounts()), RedirectError);
    expect(error.message).toBe(
      "The server redirected the request (HTTP 302) elsewhere, to https://www.example.com/, instead of WHMCS's API; check the WHMCS URL.",
    );
  });

  it('an http→https redirect to the API keeps "update the URL to" its base, without the query', async () => {
    sim.setFault({
      kind: 'redirect',
      status: 308,
      location: 'https://billing.example.com/billing/includes/api.php?x=1#y',
    });
    const error = expectSafeError(await rejectionOf(client().getTicketCounts()), RedirectError);
    expect(error.message).toMatch(
      /^The server redirected the request \(HTTP 308\) to https:\/\/billing\.example\.com\/billing\/includes\/api\.php, which .*; update the URL to https:\/\/billing\.example\.com\/billing\/\.$/,
    );
    expect(error.location).toBe('https://billing.example.com/billing/includes/api.php');
  });

  it('does not follow a 307 either, and resolves a relative location', async () => {
    sim.setFault({ kind: 'redirect', status: 307, location: '/new/includes/api.php' });
    const error = expectSafeError(await rejectionOf(client().getTicketCounts()), RedirectError);
    expect(error.location).toBe(new URL('/new/includes/api.php', sim.baseUrl).href);
    expect(sim.requests).toHaveLength(1);
  });

  it('gives up after timeoutMs when the server hangs', async () => {
    sim.setFault({ kind: 'hang' });
    const error = expectSafeError(
      await rejectionOf(client(undefined, 300).getTicketCounts()),
      TimeoutError,
    );
    expect(error.message).toContain('within 0.3 seconds');
    expect(error.retryable).toBe(true);
    expect(error.stopsPolling).toBe(false);
  });

  it("rejects with the caller's abort reason, not a WhmcsError, when the caller aborts", async () => {
    sim.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = client().getTicketCounts({}, { signal: controller.signal });
    const reason = new Error('caller went away');
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
    const aborted = AbortSignal.abort(reason);
    expect(await rejectionOf(client().getTicketCounts({}, { signal: aborted }))).toBe(reason);
  });

  it('says nothing answered when the port is closed', async () => {
    const port = await closedPort();
    const connection = apiCredentialConnection(`http://127.0.0.1:${port}/`);
    const error = expectSafeError(
      await rejectionOf(client(connection).getTicketCounts()),
      NetworkError,
    );
    expect(error.message).toContain(`Nothing answered at 127.0.0.1:${port}`);
    expect(error.retryable).toBe(true);
  });
});

describe('client set-up', () => {
  it('exposes the API URL and whether it is insecure', () => {
    const secure = createTicketCountsClient({
      connection: apiCredentialConnection('https://example.com/billing'),
    });
    expect(secure.apiUrl.href).toBe('https://example.com/billing/includes/api.php');
    expect(secure.insecure).toBe(false);
    const plain = createTicketCountsClient({
      connection: apiCredentialConnection('http://127.0.0.1:1/'),
    });
    expect(plain.insecure).toBe(true);
  });

  it.each([
    [
      'an empty secret',
      'secret',
      { auth: { kind: 'api-credential', identifier: 'x', secret: '' } },
    ],
    [
      'an empty identifier',
      'identifier',
      { auth: { kind: 'api-credential', identifier: ' ', secret: DISTINCT.secret } },
    ],
    [
      'an empty password',
      'password',
      { auth: { kind: 'admin-login', username: 'a', password: '' } },
    ],
    ['an unknown auth kind', 'auth', { auth: { kind: 'oauth', token: DISTINCT.secret } }],
    ['an access key with a space', 'accessKey', { accessKey: `${DISTINCT.accessKey} Zx81Kq5` }],
    ['an admin folder with a slash', 'adminFolder', { adminFolder: '../admin' }],
    ['a URL with credentials', 'url', { url: `https://u:${DISTINCT.secret}@example.com/` }],
    ['a non-http URL', 'url', { url: 'ftp://example.com/' }],
    ['a missing URL', 'url', { url: undefined }],
  ])(
    'rejects %s with an InvalidConfigurationError for field %s that echoes nothing',
    (_, field, overrides) => {
      const connection = { ...apiCredentialConnection('https://example.com/'), ...overrides };
      let caught: unknown;
      try {
        createTicketCountsClient({ connection: connection as never });
      } catch (error) {
        caught = error;
      }
      const error = expectSafeError(caught, InvalidConfigurationError);
      expect(error.field).toBe(field);
      // Finding 12: wording neutral to every front end (CLI, relay, extension).
      expect(error.message).not.toMatch(/setting|"accessKey"|"auth\./);
    },
  );

  it('names the access key in plain words when it has a bad character', () => {
    let caught: unknown;
    try {
      createTicketCountsClient({
        connection: { ...apiCredentialConnection('https://example.com/'), accessKey: 'bad key' },
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toBe(
      'The access key may only contain letters, digits and ! @ # $ % . ( ) * [ ] - _; fix the access key.',
    );
  });

  it('rejects a non-positive timeout and a non-boolean flag', async () => {
    expect(() =>
      createTicketCountsClient({
        connection: apiCredentialConnection('https://example.com/'),
        timeoutMs: 0,
      }),
    ).toThrow(expect.objectContaining({ kind: 'configuration', field: 'timeout' }));
    const client = createTicketCountsClient({
      connection: apiCredentialConnection('https://example.com/'),
    });
    const error = await rejectionOf(
      client.getTicketCounts({ includeCountsByStatus: 'false' as never }),
    );
    expect(expectSafeError(error, InvalidConfigurationError).field).toBe('includeCountsByStatus');
  });
});

describe('client with a transport that ignores aborts', () => {
  // A hand-written transport that never settles: the only way to show the client's own guarantee.
  const stuck: Transport = () => new Promise(() => {});

  it('still times out', async () => {
    const client = createTicketCountsClient({
      connection: apiCredentialConnection('http://127.0.0.1:1/'),
      transport: stuck,
      timeoutMs: 50,
    });
    expectSafeError(await rejectionOf(client.getTicketCounts()), TimeoutError);
  });

  it('still rejects with the caller’s reason', async () => {
    const client = createTicketCountsClient({
      connection: apiCredentialConnection('http://127.0.0.1:1/'),
      transport: stuck,
    });
    const controller = new AbortController();
    const pending = client.getTicketCounts({}, { signal: controller.signal });
    const reason = new Error('bye');
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
  });
});

describe('client headers', () => {
  // The simulator does not record headers, so a bare HTTP server on 127.0.0.1 answers here.
  it.each(TRANSPORTS)('sends User-Agent and Accept over $name', async ({ create }) => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((request, response) => {
      seen = request.headers;
      request.resume();
      response.setHeader('content-type', 'application/json');
      response.end(
        '{"result":"success","filteredDepartments":[],"allActive":0,"awaitingReply":0,"flaggedTickets":0}',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { transport, close } = create();
    try {
      const address = server.address() as { port: number };
      const client = createTicketCountsClient({
        connection: apiCredentialConnection(`http://127.0.0.1:${address.port}/`),
        transport,
      });
      await client.getTicketCounts();
      expect(seen?.['user-agent']).toBe(`whmcs-ticket-counts/${CLIENT_VERSION}`);
      expect(seen?.accept).toBe('application/json');
      expect(seen?.['content-type']).toBe('application/x-www-form-urlencoded');
    } finally {
      await close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
