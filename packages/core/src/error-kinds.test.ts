import { startWhmcsSimulator, type WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WhmcsConnection } from './connection.js';
import { AccessKeyError } from './errors/access-key-error.js';
import { ActionNotAvailableError } from './errors/action-not-available-error.js';
import { AuthenticationError } from './errors/authentication-error.js';
import { HttpStatusError } from './errors/http-status-error.js';
import { IpBannedError } from './errors/ip-banned-error.js';
import { IpNotAllowedError } from './errors/ip-not-allowed-error.js';
import { LicenceError } from './errors/licence-error.js';
import { NotJsonError } from './errors/not-json-error.js';
import { PermissionError } from './errors/permission-error.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { WhmcsApiError } from './errors/whmcs-api-error.js';
import { md5Hex } from './md5.js';
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

// A server (or a proxy's error page) that echoes what it was sent: the client's secrets in every form.
const ECHO = [
  DISTINCT.secret,
  encodeURIComponent(DISTINCT.secret),
  DISTINCT.accessKey,
  encodeURIComponent(DISTINCT.accessKey),
  `secret=${encodeURIComponent(DISTINCT.secret)}&accesskey=${encodeURIComponent(DISTINCT.accessKey)}`,
].join(' ');

describe.each(TRANSPORTS)('every error kind over $name, with no secret in sight', ({ create }) => {
  let sim: WhmcsSimulator;
  let transport: Transport;
  let closeTransport: () => Promise<void>;

  beforeAll(async () => {
    sim = await startWhmcsSimulator({ data: distinctSimData(), ban: { maxFailures: 3 } });
    ({ transport, close: closeTransport } = create());
  });
  afterAll(async () => {
    await closeTransport();
    await sim.close();
  });
  afterEach(() => {
    sim.setFault(undefined);
    sim.clearBans();
    sim.requests.length = 0;
  });

  const fetchWith = (connection: WhmcsConnection) =>
    rejectionOf(
      createTicketCountsClient({ connection, transport, timeoutMs: 5000 }).getTicketCounts(),
    );
  const fetchFaulty = () =>
    fetchWith(apiCredentialConnection(sim.baseUrl, { accessKey: DISTINCT.accessKey }));
  const garbage = (body: string, status = 200, contentType = 'application/json') =>
    sim.setFault({ kind: 'garbage', body, status, contentType });

  it('AuthenticationError for a wrong secret: says each failure counts toward a ban', async () => {
    const connection = apiCredentialConnection(sim.baseUrl);
    connection.auth = {
      kind: 'api-credential',
      identifier: DISTINCT.identifier,
      secret: `${DISTINCT.secret}-old`,
    };
    const error = expectSafeError(await fetchWith(connection), AuthenticationError);
    expect(error.message).toMatch(/Authentication Failed.*IP ban/);
    expect(error).toMatchObject({ kind: 'authentication', retryable: false, stopsPolling: true });
  });

  it('AuthenticationError for a wrong admin password (sent as its MD5)', async () => {
    const connection = adminLoginConnection(sim.baseUrl);
    connection.auth = {
      kind: 'admin-login',
      username: DISTINCT.adminUsername,
      password: `${DISTINCT.adminPassword}x`,
    };
    const error = expectSafeError(await fetchWith(connection), AuthenticationError);
    expect(error.message).toContain('admin username and password');
  });

  it('AuthenticationError for an API credential typed into the admin login says which login to choose', async () => {
    const connection = adminLoginConnection(sim.baseUrl);
    connection.auth = {
      kind: 'admin-login',
      username: DISTINCT.identifier,
      password: DISTINCT.secret,
    };
    const error = expectSafeError(await fetchWith(connection), AuthenticationError);
    expect(error.message).toContain('admin username and password');
    expect(error.message).toContain(
      "if they are an API credential's identifier and secret, log in with the API credential instead",
    );
    expect(error.message).toContain('IP ban');
  });

  it('AuthenticationError for an unknown identifier (Invalid or missing credentials)', async () => {
    const connection = apiCredentialConnection(sim.baseUrl);
    connection.auth = {
      kind: 'api-credential',
      identifier: 'NoSuchIdent',
      secret: DISTINCT.secret,
    };
    const error = expectSafeError(await fetchWith(connection), AuthenticationError);
    expect(error.message).toContain('Invalid or missing credentials');
  });

  it('AuthenticationError for "Invalid password provided" explains the MD5 rule', async () => {
    garbage('{"result":"error","message":"Invalid password provided"}', 403);
    const error = expectSafeError(await fetchFaulty(), AuthenticationError);
    expect(error.message).toMatch(/MD5.*API identifier/);
  });

  it('IpNotAllowedError carries the IP and says where to allow it', async () => {
    sim.data.allowedIps = ['203.0.113.7'];
    try {
      const error = expectSafeError(
        await fetchWith(apiCredentialConnection(sim.baseUrl)),
        IpNotAllowedError,
      );
      expect(error.ip).toBe('127.0.0.1');
      expect(error.message).toContain(
        'add it under Setup › General Settings › Security › API IP Access Restriction, or use an access key',
      );
    } finally {
      sim.data.allowedIps = ['127.0.0.1', '::1'];
    }
  });

  it('IpNotAllowedError reads IPv6 addresses too', async () => {
    garbage('{"result":"error","message":"Invalid IP 2001:db8::7"}', 403);
    expect(expectSafeError(await fetchFaulty(), IpNotAllowedError).ip).toBe('2001:db8::7');
  });

  it('AccessKeyError for a wrong access key', async () => {
    sim.data.allowedIps = ['203.0.113.7'];
    sim.data.accessKey = 'the-real-key';
    try {
      expectSafeError(await fetchFaulty(), AccessKeyError);
    } finally {
      sim.data.allowedIps = ['127.0.0.1', '::1'];
      sim.data.accessKey = DISTINCT.accessKey;
    }
  });

  it('IpBannedError after repeated failed logins, telling the user to stop and wait', async () => {
    const connection = apiCredentialConnection(sim.baseUrl);
    connection.auth = { kind: 'api-credential', identifier: DISTINCT.identifier, secret: 'wrong' };
    for (let attempt = 0; attempt < 3; attempt++) {
      expectSafeError(await fetchWith(connection), AuthenticationError);
    }
    const error = expectSafeError(
      await fetchWith(apiCredentialConnection(sim.baseUrl)),
      IpBannedError,
    );
    expect(error.message).toMatch(/stop.*15 minutes/);
    expect(error.stopsPolling).toBe(true);
  });

  it('PermissionError when the API role lacks GetTicketCounts', async () => {
    const credential = sim.data.apiCredentials.find((c) => c.identifier === DISTINCT.identifier);
    if (!credential) throw new Error('distinct credential missing');
    credential.allowedActions = ['GetTickets'];
    try {
      const error = expectSafeError(
        await fetchWith(apiCredentialConnection(sim.baseUrl)),
        PermissionError,
      );
      expect(error.message).toContain('API Roles');
    } finally {
      credential.allowedActions = ['GetTicketCounts'];
    }
  });

  it('PermissionError when the admin may not use the API (Access Denied)', async () => {
    const admin = sim.data.admins.find((a) => a.username === DISTINCT.adminUsername);
    if (!admin) throw new Error('distinct admin missing');
    admin.apiAccess = false;
    try {
      expectSafeError(await fetchWith(adminLoginConnection(sim.baseUrl)), PermissionError);
    } finally {
      admin.apiAccess = true;
    }
  });

  it.each(['Command Not Found', 'API Function Not Found'])(
    'ActionNotAvailableError for %s',
    async (message) => {
      garbage(JSON.stringify({ result: 'error', message }));
      expectSafeError(await fetchFaulty(), ActionNotAvailableError);
    },
  );

  it('LicenceError for a licence message', async () => {
    sim.setFault({ kind: 'licence' });
    const error = expectSafeError(await fetchFaulty(), LicenceError);
    expect(error.message).toContain('Your license key has expired');
  });

  it('WhmcsApiError for "Empty action request" blames a lost body', async () => {
    garbage('{"result":"error","message":"Empty action request"}', 400);
    const error = expectSafeError(await fetchFaulty(), WhmcsApiError);
    expect(error.message).toMatch(/body was lost on the way, often by a redirect or proxy/);
  });

  it('WhmcsApiError for an unknown message that echoes the secrets: redacted', async () => {
    garbage(JSON.stringify({ result: 'error', message: `Odd failure for ${ECHO}` }), 200);
    const error = expectSafeError(await fetchFaulty(), WhmcsApiError);
    expect(error.serverMessage).toContain('Odd failure for [redacted]');
    // Sent with HTTP 200: retried, slowly (see whmcs-error-message.ts).
    expect(error).toMatchObject({ stopsPolling: false, retryAfterMs: 31 * 60_000 });
  });

  it('WhmcsApiError echoing an admin password, plain, encoded or hashed: redacted', async () => {
    const hash = md5Hex(DISTINCT.adminPassword);
    const echo = [
      DISTINCT.adminPassword,
      encodeURIComponent(DISTINCT.adminPassword),
      hash,
      hash.toUpperCase(),
    ];
    garbage(JSON.stringify({ result: 'error', message: `Bad login ${echo.join(' ')}` }), 403);
    const error = expectSafeError(
      await fetchWith(adminLoginConnection(sim.baseUrl)),
      WhmcsApiError,
    );
    expect(error.serverMessage).toBe('Bad login [redacted] [redacted] [redacted] [redacted]');
    // Sent with HTTP 403, like WHMCS's access errors: polling stops.
    expect(error.stopsPolling).toBe(true);
  });

  it('HttpStatusError with the basic-auth hint for a 401 with WWW-Authenticate', async () => {
    sim.setFault({ kind: 'basic-auth' });
    const error = expectSafeError(await fetchFaulty(), HttpStatusError);
    expect(error).toMatchObject({
      status: 401,
      basicAuth: true,
      stopsPolling: true,
      retryable: false,
    });
  });

  it('HttpStatusError, retryable with retryAfterMs, for a 429', async () => {
    sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const error = expectSafeError(await fetchFaulty(), HttpStatusError);
    expect(error).toMatchObject({
      status: 429,
      retryable: true,
      stopsPolling: false,
      retryAfterMs: 7000,
    });
    expect(error.message).toContain('wait 7 seconds');
  });

  it('a 429 with an absurd Retry-After says, in days, what was asked and the hour actually waited', async () => {
    sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 99_999_999 });
    const error = expectSafeError(await fetchFaulty(), HttpStatusError);
    expect(error.retryAfterMs).toBe(99_999_999_000);
    expect(error.message).not.toContain('99999999');
    expect(error.message).toContain('1158 days');
    expect(error.message).toContain('wait 1 hour before trying again');
  });

  it('HttpStatusError, retryable, for a 503 page that echoes the secrets', async () => {
    garbage(`<html><body><h1>503</h1><p>${ECHO}</p></body></html>`, 503, 'text/html');
    const error = expectSafeError(await fetchFaulty(), HttpStatusError);
    expect(error).toMatchObject({ status: 503, retryable: true, basicAuth: false });
    expect(error.detail).toContain('[redacted]');
  });

  it('redacts a secret the server echoes HTML-escaped or JSON-escaped (finding 8)', async () => {
    const secret = 'Sp3c ial+/=&<"Secret>ZZ';
    const connection = apiCredentialConnection(sim.baseUrl);
    connection.auth = { kind: 'api-credential', identifier: DISTINCT.identifier, secret };
    const escaped = 'Sp3c ial+/=&amp;&lt;&quot;Secret&gt;ZZ';
    garbage(`<html><body><p>You sent ${escaped}</p></body></html>`, 500, 'text/html');
    const page = (await fetchWith(connection)) as HttpStatusError;
    garbage(`{"debug":${JSON.stringify(secret).replace(/\//g, '\\/')}}`, 502, 'application/json');
    const json = (await fetchWith(connection)) as HttpStatusError;
    for (const error of [page, json]) {
      expect(error).toBeInstanceOf(HttpStatusError);
      const shown = `${error.message} ${error.detail} ${JSON.stringify(error)}`;
      expect(shown).not.toContain('Secret');
      expect(error.detail).toContain('[redacted]');
    }
  });

  it('HttpStatusError, not retryable, for a 404', async () => {
    garbage('<h1>Not Found</h1>', 404, 'text/html');
    const error = expectSafeError(await fetchFaulty(), HttpStatusError);
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toContain(sim.apiUrl);
  });

  // Finding 11: python's http.server answers a POST with 501; others with 404 or 405.
  it.each([
    [404, 'Not Found'],
    [405, 'Method Not Allowed'],
    [501, 'Unsupported method (POST)'],
    [400, 'Bad Request'],
    [410, 'Gone'],
  ])(
    'HttpStatusError for HTTP %i from a server that is not WHMCS points at the URL',
    async (status, text) => {
      garbage(`<html><title>Error response</title><p>${text}</p></html>`, status, 'text/html');
      const error = expectSafeError(await fetchFaulty(), HttpStatusError);
      expect(error).toMatchObject({ status, retryable: false });
      expect(error.message).toContain(sim.apiUrl);
      expect(error.message).toMatch(/is not WHMCS's API; check the WHMCS URL\.$/);
      expect(error.message).not.toMatch(/try again later/);
    },
  );

  it('NotJsonError for the maintenance page, with status, content type and snippet', async () => {
    sim.setFault({ kind: 'maintenance' });
    const error = expectSafeError(await fetchFaulty(), NotJsonError);
    expect(error.message).toBe('WHMCS is down for maintenance; try again later.');
    expect(error.status).toBe(200);
    expect(error.contentType).toMatch(/^text\/html/);
    expect(error.snippet).toMatch(/Down for Maintenance/);
    expect(error.snippet).not.toMatch(/[<>]/);
    expect(error.retryable).toBe(true);
  });

  it('NotJsonError for the installer page', async () => {
    sim.setFault({ kind: 'installer' });
    expect(expectSafeError(await fetchFaulty(), NotJsonError).message).toMatch(/install folder/);
  });

  it('NotJsonError for a PHP fatal error names it and where to look, quoting PHP', async () => {
    const pages = [
      '<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function mysql_connect() in /home/u/public_html/includes/dbfunctions.php:12\nStack trace:\n#0 {main}\n  thrown in <b>/home/u/public_html/includes/dbfunctions.php</b> on line <b>12</b><br />',
      'PHP Parse error:  syntax error, unexpected token "}" in /home/u/public_html/configuration.php on line 9',
      '<html><body>The file /home/u/public_html/init.php was encoded by the ionCube Encoder and requires a newer version of the ionCube PHP Loader.</body></html>',
    ];
    for (const page of pages) {
      garbage(page, 200, 'text/html');
      const error = expectSafeError(await fetchFaulty(), NotJsonError);
      expect(error.message).toMatch(/^WHMCS failed with a PHP error \(.+\); .*PHP error log/);
      expect(error.message).toMatch(/Fatal error|Parse error|ionCube/);
    }
  });

  it('NotJsonError for WHMCS’s database error page says the database is down', async () => {
    garbage(
      '<div class="error-container"><h1>Oops!</h1><p>Critical Error</p><p>Could not connect to the database</p></div>',
      200,
      'text/html',
    );
    expect(expectSafeError(await fetchFaulty(), NotJsonError).message).toMatch(
      /cannot reach its database/,
    );
  });

  it('NotJsonError for an HTML page that echoes the secrets: snippet redacted', async () => {
    garbage(
      `<html><body>\n\n  <p>You sent:   ${ECHO}</p>${'x'.repeat(500)}</body></html>`,
      200,
      'text/html',
    );
    const error = expectSafeError(await fetchFaulty(), NotJsonError);
    expect(error.snippet.startsWith('You sent: [redacted]')).toBe(true);
    expect(error.snippet.length).toBeLessThanOrEqual(200);
  });

  it('redacts before truncating, so a secret cut at the snippet or quote limit leaks no half', async () => {
    for (let offset = 180; offset <= 200; offset += 5) {
      garbage(
        `<p>${'a'.repeat(offset)} ${DISTINCT.secret} ${DISTINCT.accessKey}</p>`,
        200,
        'text/html',
      );
      expectSafeError(await fetchFaulty(), NotJsonError);
      garbage(
        JSON.stringify({ result: 'error', message: `${'b'.repeat(offset)} ${DISTINCT.secret}` }),
      );
      expectSafeError(await fetchFaulty(), WhmcsApiError);
    }
    // The value shown for a bad field is cut at 40 characters.
    for (let offset = 20; offset <= 40; offset += 5) {
      const bad = `${'c'.repeat(offset)}${DISTINCT.secret}`;
      garbage(
        JSON.stringify({
          result: 'success',
          filteredDepartments: [],
          allActive: bad,
          awaitingReply: 0,
          flaggedTickets: 0,
        }),
      );
      expectSafeError(await fetchFaulty(), UnexpectedResponseError);
    }
  });

  it('never redacts the counts themselves, even when a short password equals a title', async () => {
    const admin = sim.data.admins.find((a) => a.username === DISTINCT.adminUsername);
    if (!admin) throw new Error('distinct admin missing');
    const saved = admin.password;
    admin.password = 'Open';
    try {
      const connection = adminLoginConnection(sim.baseUrl);
      connection.auth = { kind: 'admin-login', username: DISTINCT.adminUsername, password: 'Open' };
      const client = createTicketCountsClient({ connection, transport });
      const counts = await client.getTicketCounts({ includeCountsByStatus: true });
      expect(counts.status?.open?.title).toBe('Open');
    } finally {
      admin.password = saved;
    }
  });

  it('UnexpectedResponseError names the field and what came, even when it is a secret', async () => {
    garbage(
      JSON.stringify({
        result: 'success',
        filteredDepartments: [],
        allActive: -4,
        awaitingReply: 0,
        flaggedTickets: 0,
      }),
    );
    const error = expectSafeError(await fetchFaulty(), UnexpectedResponseError);
    expect(error).toMatchObject({ field: 'allActive', received: '-4' });
    garbage(
      JSON.stringify({
        result: 'success',
        filteredDepartments: [],
        allActive: 1,
        awaitingReply: DISTINCT.secret,
        flaggedTickets: 0,
      }),
    );
    const echoed = expectSafeError(await fetchFaulty(), UnexpectedResponseError);
    expect(echoed).toMatchObject({ field: 'awaitingReply', received: '"[redacted]"' });
  });

  it('reads the answer behind PHP notices and a byte order mark (display_errors on)', async () => {
    const answer =
      '{"result":"success","filteredDepartments":[2],"allActive":5,"awaitingReply":"3","flaggedTickets":0}';
    garbage(
      `\ufeff<br />\n<b>Deprecated</b>:  Creation of dynamic property in <b>/var/www/x.php</b> on line <b>9</b><br />\n${answer}`,
      200,
      'text/html',
    );
    const client = createTicketCountsClient({
      connection: apiCredentialConnection(sim.baseUrl),
      transport,
    });
    expect(await client.getTicketCounts()).toMatchObject({
      filteredDepartments: [2],
      allActive: 5,
      awaitingReply: 3,
    });
    garbage(
      `<b>Warning</b>: x<br />{"result":"error","message":"Authentication Failed"}`,
      403,
      'text/html',
    );
    expectSafeError(await fetchFaulty(), AuthenticationError);
  });

  it('reads the answer when PHP prints a notice after it (shutdown notices, display_errors on)', async () => {
    const notice =
      '<br />\n<b>Deprecated</b>:  Automatic conversion of false to array in <b>/home/u/public_html/modules/addons/x/hooks.php</b> on line <b>12</b><br />\n';
    garbage(
      `{"result":"success","filteredDepartments":[1],"allActive":5,"awaitingReply":"3","flaggedTickets":0,"status":{"a":{"title":"A } \\" {","count":1}}}${notice}`,
      200,
      'text/html',
    );
    const client = createTicketCountsClient({
      connection: apiCredentialConnection(sim.baseUrl),
      transport,
    });
    expect(await client.getTicketCounts()).toMatchObject({
      allActive: 5,
      awaitingReply: 3,
      status: { a: { title: 'A } " {', count: 1 } },
    });
    // The dangerous case: a login failure hidden behind a notice must still stop polling.
    garbage(`{"result":"error","message":"Authentication Failed"}${notice}`, 403, 'text/html');
    expectSafeError(await fetchFaulty(), AuthenticationError);
    garbage(`${notice}{"result":"error","message":"IP Banned"}${notice}`, 403, 'text/html');
    expectSafeError(await fetchFaulty(), IpBannedError);
  });

  it('maps an error in the old name=value format like the JSON one, so a failed login stops polling', async () => {
    garbage('result=error;message=Authentication Failed;', 403, 'text/html');
    const failed = expectSafeError(await fetchFaulty(), AuthenticationError);
    expect(failed.stopsPolling).toBe(true);
    garbage('result=error;message=IP Banned;', 403, 'text/html');
    expectSafeError(await fetchFaulty(), IpBannedError);
    garbage('result=error;message=Invalid IP 2001:db8::7;', 403, 'text/html');
    expect(expectSafeError(await fetchFaulty(), IpNotAllowedError).ip).toBe('2001:db8::7');
    garbage('result=error;message=Your license key has expired;', 200, 'text/html');
    expectSafeError(await fetchFaulty(), LicenceError);
    // A success in that format still cannot be read (departments arrive as the word "Array").
    garbage('result=success;filteredDepartments=Array;allActive=17;', 200, 'text/html');
    expect(expectSafeError(await fetchFaulty(), NotJsonError).message).toMatch(/name=value/);
  });

  it('UnexpectedResponseError for another error shape quotes what the server said', async () => {
    garbage('{"result":"warning","message":"Ticket counts are being recalculated"}');
    const warned = expectSafeError(await fetchFaulty(), UnexpectedResponseError);
    expect(warned.message).toMatch(/"Ticket counts are being recalculated"/);
    expect(warned).toMatchObject({ field: 'result', received: '"warning"' });
    garbage(`{"warning":"Module says ${DISTINCT.secret}"}`);
    const echoed = expectSafeError(await fetchFaulty(), UnexpectedResponseError);
    expect(echoed.message).toMatch(/"Module says \[redacted\]"/);
  });

  it('UnexpectedResponseError for JSON that is neither success nor error', async () => {
    garbage('{"foo":1}');
    expect(expectSafeError(await fetchFaulty(), UnexpectedResponseError).field).toBe('result');
  });
});
