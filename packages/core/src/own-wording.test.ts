import { startWhmcsSimulator, type WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WhmcsConnection } from './connection.js';
import { HttpStatusError } from './errors/http-status-error.js';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { NetworkError } from './errors/network-error.js';
import { RedirectError } from './errors/redirect-error.js';
import { WhmcsApiError } from './errors/whmcs-api-error.js';
import type { WhmcsError } from './errors/whmcs-error.js';
import { closedPort } from './test-support/closed-port.js';
import { DISTINCT, distinctSimData } from './test-support/distinct-secrets.js';
import { rejectionOf } from './test-support/expect-safe-error.js';
import { TRANSPORTS } from './test-support/transports.js';
import { createTicketCountsClient } from './ticket-counts-client.js';
import type { Transport } from './transport.js';

// Finding 7: a short secret ("e", "check", "server") must never rewrite our own wording (which
// would spell the secret out letter by letter); only text from outside is redacted.
describe.each(TRANSPORTS)('short secrets leave our wording alone over $name', ({ create }) => {
  let sim: WhmcsSimulator;
  let transport: Transport;
  let closeTransport: () => Promise<void>;

  beforeAll(async () => {
    sim = await startWhmcsSimulator({ data: distinctSimData() });
    ({ transport, close: closeTransport } = create());
  });
  afterAll(async () => {
    await closeTransport();
    await sim.close();
  });
  afterEach(() => sim.setFault(undefined));

  const withSecret = (url: string, secret: string): WhmcsConnection => ({
    url,
    auth: { kind: 'api-credential', identifier: DISTINCT.identifier, secret },
  });
  const fail = async (connection: WhmcsConnection) =>
    (await rejectionOf(
      createTicketCountsClient({ connection, transport, timeoutMs: 5000 }).getTicketCounts(),
    )) as WhmcsError;

  it('secret "e", nothing listening: the message, kind and name are exactly ours', async () => {
    const port = await closedPort();
    const error = await fail(withSecret(`http://127.0.0.1:${port}/`, 'e'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(
      `Nothing answered at 127.0.0.1:${port} (connection refused); check the WHMCS URL and that the server is running.`,
    );
    expect(error.kind).toBe('network');
    expect(error.name).toBe('NetworkError');
    expect(JSON.stringify(error)).toContain('"kind":"network"');
  });

  it('admin password "server", nothing listening: "the server is running" stays', async () => {
    const port = await closedPort();
    const error = await fail({
      url: `http://127.0.0.1:${port}/`,
      auth: { kind: 'admin-login', username: 'admin', password: 'server' },
    });
    expect(error.message).toMatch(/that the server is running\.$/);
    expect(error.message).not.toContain('[redacted]');
  });

  it('secret "check": the advice keeps its verbs, the echoed page is redacted', async () => {
    sim.setFault({
      kind: 'garbage',
      status: 503,
      contentType: 'text/html',
      body: '<p>Please check back later</p>',
    });
    const error = await fail(withSecret(sim.baseUrl, 'check'));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error.message).toBe(
      "The server answered HTTP 503 instead of WHMCS's JSON; try again later, and check the web server's error log if it persists.",
    );
    expect(error.detail).toContain('Please [redacted] back later');
    expect(error.detail).toMatch(/^HTTP 503 text\/html/);
  });

  it('secret "e": WHMCS\'s own message is redacted inside our unchanged sentence', async () => {
    sim.setFault({
      kind: 'garbage',
      body: JSON.stringify({ result: 'error', message: 'Something else' }),
    });
    const error = await fail(withSecret(sim.baseUrl, 'e'));
    expect(error).toBeInstanceOf(WhmcsApiError);
    expect(error.message).toBe(
      "WHMCS answered with an error (Som[redacted]thing [redacted]ls[redacted]); check the message and WHMCS's activity log.",
    );
    expect((error as WhmcsApiError).serverMessage).toBe(
      'Som[redacted]thing [redacted]ls[redacted]',
    );
    expect(error.detail).toBe('WHMCS said: Som[redacted]thing [redacted]ls[redacted]');
  });

  it('secret "e": a redirect redacts the location, not the advice', async () => {
    sim.setFault({ kind: 'redirect', status: 302, location: 'https://e.example/includes/api.php' });
    const error = await fail(withSecret(sim.baseUrl, 'e'));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(
      /^The server redirected the request \(HTTP 302\) to https:\/\/\[redacted\]\./,
    );
    expect(error.message).toContain(
      'which is not followed because following it would drop the POST body',
    );
  });

  it('secret "e", a non-boolean flag: our own configuration message is untouched', async () => {
    const error = (await rejectionOf(
      createTicketCountsClient({
        connection: withSecret(sim.baseUrl, 'e'),
        transport,
      }).getTicketCounts({ includeCountsByStatus: 'yes' as never }),
    )) as WhmcsError;
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    expect(error.message).toBe(
      'The option includeCountsByStatus must be true or false; pass a boolean, not string.',
    );
    expect(error.kind).toBe('configuration');
  });
});
