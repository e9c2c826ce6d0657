import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWhmcsSimulator, type WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { occupyPort } from '../test-support/busy-port.js';
import { runCli } from '../test-support/run-cli.js';
import { RunningCli } from '../test-support/running-cli.js';
import {
  smallWhmcsCounts,
  startSmallWhmcs,
  TEST_CREDENTIALS,
  TEST_SECRETS,
} from '../test-support/small-whmcs.js';
import { useTempDir } from '../test-support/temp-dir.js';

const RELAY_TOKEN = 'relay-token-e2e-Pw83nDk29sLq';
const ORIGIN = 'https://intranet.example.test';

const tempDir = useTempDir();
let sim: WhmcsSimulator;
let running: RunningCli | undefined;

beforeEach(async () => {
  sim = await startSmallWhmcs();
});

afterEach(async () => {
  await running?.kill();
  running = undefined;
  await sim.close();
});

function env(): Record<string, string> {
  return {
    WHMCS_URL: sim.baseUrl,
    WHMCS_IDENTIFIER: TEST_CREDENTIALS.identifier,
    WHMCS_SECRET: TEST_CREDENTIALS.secret,
  };
}

function expectNoSecrets(text: string): void {
  for (const secret of [...TEST_SECRETS, RELAY_TOKEN]) expect(text).not.toContain(secret);
}

describe('serve', () => {
  it('relays the counts behind a token, with CORS for the allowed origin, until Ctrl-C', async () => {
    const tokenFile = join(tempDir(), 'relay-token');
    writeFileSync(tokenFile, `${RELAY_TOKEN}\n`, { mode: 0o600 });
    running = new RunningCli(
      ['serve', '--port', '0', '--ttl', '30', '--token-file', tokenFile, '--allow-origin', ORIGIN],
      env(),
    );
    const [, relayUrl] = await running.waitForStdout(
      /^Relay listening on (http:\/\/127\.0\.0\.1:\d+)\/?\n/m,
    );
    if (relayUrl === undefined) throw new Error('no relay URL');
    const countsUrl = new URL('/ticket-counts', relayUrl);

    const anonymous = await fetch(countsUrl, { signal: AbortSignal.timeout(5000) });
    expect(anonymous.status).toBe(401);

    const response = await fetch(countsUrl, {
      headers: { authorization: `Bearer ${RELAY_TOKEN}`, origin: ORIGIN },
      signal: AbortSignal.timeout(5000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await response.json()).toMatchObject({ ...smallWhmcsCounts, stale: false });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]?.fields.includeCountsByStatus).toBe('1');

    const result = await running.interrupt();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('stopping the relay');
    expectNoSecrets(result.stdout + result.stderr);
    await expect(fetch(countsUrl, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  });

  it('passes --no-status and --ignore-department-assignments on to WHMCS', async () => {
    running = new RunningCli(
      ['serve', '--port', '0', '--no-status', '--ignore-department-assignments'],
      env(),
    );
    const [, relayUrl] = await running.waitForStdout(
      /^Relay listening on (http:\/\/127\.0\.0\.1:\d+)\/?\n/m,
    );
    if (relayUrl === undefined) throw new Error('no relay URL');
    const response = await fetch(new URL('/ticket-counts', relayUrl), {
      signal: AbortSignal.timeout(5000),
    });
    const payload = (await response.json()) as Record<string, unknown>;
    expect(payload.filteredDepartments).toEqual([]);
    expect(payload).not.toHaveProperty('status');
    expect(sim.requests[0]?.fields.ignoreDepartmentAssignments).toBe('1');
    const result = await running.interrupt();
    expect(result.code).toBe(0);
    expectNoSecrets(result.stdout + result.stderr);
  });

  it('gives the demo page and its snippet the renamed admin folder of --admin-folder', async () => {
    running = new RunningCli(['serve', '--port', '0', '--admin-folder', 'staff'], env());
    const [, relayUrl] = await running.waitForStdout(
      /^Relay listening on (http:\/\/127\.0\.0\.1:\d+)\/?\n/m,
    );
    if (relayUrl === undefined) throw new Error('no relay URL');
    const page = await (
      await fetch(new URL('/', relayUrl), { signal: AbortSignal.timeout(5000) })
    ).text();
    // Two panels and the snippet to paste: every one links into /staff/, none into /admin/.
    expect(page.match(/admin-folder="staff"/g)).toHaveLength(2);
    expect(page).toContain('admin-folder=&quot;staff&quot;');
    const result = await running.interrupt();
    expect(result.code).toBe(0);
  });

  it("prints the relay's log without the terminal controls WHMCS may put in an error message", async () => {
    running = new RunningCli(['serve', '--port', '0', '--ttl', '1'], env());
    const [, relayUrl] = await running.waitForStdout(
      /^Relay listening on (http:\/\/127\.0\.0\.1:\d+)\/?\n/m,
    );
    if (relayUrl === undefined) throw new Error('no relay URL');
    // A C1 "CSI" and a right-to-left override: one drives a terminal, the other disguises text.
    sim.setFault({
      kind: 'garbage',
      contentType: 'application/json',
      body: JSON.stringify({ result: 'error', message: 'Odd \u009b31m red \u202eevil\u202c end' }),
    });
    const failed = running.waitForStderr(/upstream refresh failed.*\n/);
    let logged = false;
    void failed.then(() => {
      logged = true;
    });
    // The first GET after the TTL makes the relay ask WHMCS again.
    while (!logged && running.stderr.length < 100_000) {
      await fetch(new URL('/ticket-counts', relayUrl), { signal: AbortSignal.timeout(5000) });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [line] = await failed;
    expect(line).toContain('(Odd 31m red evil end)');
    expect(running.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect((await running.interrupt()).code).toBe(0);
  });

  it('says it is checking WHMCS while a slow WHMCS is asked, before the relay announces itself', async () => {
    sim.setFault({ kind: 'hang' });
    running = new RunningCli(['serve', '--port', '0', '--timeout', '60'], env());
    const [line] = await running.waitForStderr(/^whmcs-ticket-counts: .*\n/m);
    expect(line).toBe(
      `whmcs-ticket-counts: checking WHMCS at ${sim.baseUrl} before announcing the relay (up to 60 seconds)...\n`,
    );
    expect(running.stdout).toBe('');
  });

  it('asks WHMCS once at startup and exits 1 with one error line when the login is rejected', async () => {
    const result = await runCli(['serve', '--port', '0'], {
      env: { ...env(), WHMCS_SECRET: `${TEST_CREDENTIALS.secret}-wrong` },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr
      .split('\n')
      .filter((line) => line !== '' && !line.includes('warning: the WHMCS URL is plain http'));
    expect(lines).toEqual([
      expect.stringMatching(/^whmcs-ticket-counts: checking WHMCS at /),
      expect.stringMatching(/^whmcs-ticket-counts: WHMCS rejected the login/),
    ]);
    expect(result.stderr).not.toContain(`${TEST_CREDENTIALS.secret}-wrong`);
    // One failed login, no retry: WHMCS bans an IP after three.
    expect(sim.requests).toHaveLength(1);
  });

  it('exits 1 with one error line when the start-up check finds nothing at the URL (HTTP 404)', async () => {
    await sim.close();
    // WHMCS lives in /billing/, the URL names another folder: a configuration mistake, not an outage.
    sim = await startWhmcsSimulator({ host: '127.0.0.1', basePath: '/billing/' });
    const result = await runCli(['serve', '--port', '0'], {
      env: { ...env(), WHMCS_URL: new URL('/whmcs/', sim.baseUrl).href },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^whmcs-ticket-counts: checking WHMCS at /),
      expect.stringMatching(/^whmcs-ticket-counts: .*404/),
    ]);
    expect(sim.requests).toHaveLength(1);
    expectNoSecrets(result.stderr);
  });

  it('keeps serving, with a warning, when the start-up check meets a passing failure (HTTP 503)', async () => {
    sim.setFault({ kind: 'server-error', status: 503 });
    running = new RunningCli(['serve', '--port', '0'], env());
    await running.waitForStdout(/^Relay listening on http:\/\/127\.0\.0\.1:\d+\/?\n/m);
    expect(running.stderr).toMatch(/^whmcs-ticket-counts: warning: .*503/m);
    const result = await running.interrupt();
    expect(result.code).toBe(0);
  });

  it.each(['0:0:0:0:0:0:0:1', '::ffff:7f00:1'])(
    'prints no exposure warning for --host %s, a loopback spelling the relay guards as loopback',
    async (host) => {
      running = new RunningCli(['serve', '--port', '0', '--host', host], env());
      await running.waitForStdout(/^Relay listening on http:\/\/\[[0-9a-f:.]+\]:\d+\/?\n/m);
      const result = await running.interrupt();
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/listening on .* (lets other machines|exposes)/);
    },
  );

  it('on --host 0.0.0.0, prints URLs that work on this machine instead of 0.0.0.0', async () => {
    // Every interface, for a moment and behind a token: the shared-dashboard set-up.
    const tokenFile = join(tempDir(), 'relay-token');
    writeFileSync(tokenFile, `${RELAY_TOKEN}\n`, { mode: 0o600 });
    running = new RunningCli(
      ['serve', '--port', '0', '--host', '0.0.0.0', '--token-file', tokenFile],
      env(),
    );
    const [, port] = await running.waitForStdout(
      /^Relay listening on every interface, port (\d+); from other machines use this machine's name or address\n/m,
    );
    const [, countsUrl] = await running.waitForStdout(/^Counts: +(\S+)\n/m);
    expect(countsUrl).toBe(`http://127.0.0.1:${port}/ticket-counts`);
    const response = await fetch(countsUrl ?? '', {
      headers: { authorization: `Bearer ${RELAY_TOKEN}` },
      signal: AbortSignal.timeout(5000),
    });
    expect(response.status).toBe(200);
    const result = await running.interrupt();
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('0.0.0.0');
  });

  it('names --port when the port is taken', async () => {
    const busy = await occupyPort();
    try {
      const result = await runCli(['serve', '--port', String(busy.port)], { env: env() });
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        `whmcs-ticket-counts: Port ${busy.port} on 127.0.0.1 is already in use; stop the other program or choose another port with --port.`,
      ]);
    } finally {
      await busy.close();
    }
  });

  it('says --host names an address this machine does not have (exit 2), before any exposure warning', async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it. With --port 0 Node
    // leaves the port out of its error, which once printed as a blank.
    const result = await runCli(['serve', '--port', '0', '--host', '192.0.2.1'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      "whmcs-ticket-counts: Cannot listen on 192.0.2.1, which is not one of this machine's addresses; pass --host with a local address, such as 127.0.0.1.",
    ]);
    expect(sim.requests).toHaveLength(0);
  });

  it('--max-viewers limits the live viewers (the relay refuses one more with 503)', async () => {
    running = new RunningCli(['serve', '--port', '0', '--max-viewers', '1'], env());
    const [, relayUrl] = await running.waitForStdout(
      /^Relay listening on (http:\/\/127\.0\.0\.1:\d+)\/?\n/m,
    );
    const eventsUrl = new URL('/ticket-counts/events', relayUrl);
    const first = new AbortController();
    const timer = setTimeout(() => first.abort(), 10_000);
    try {
      const viewer = await fetch(eventsUrl, { signal: first.signal });
      expect(viewer.status).toBe(200);
      const second = await fetch(eventsUrl, { signal: AbortSignal.timeout(5000) });
      expect(second.status).toBe(503);
      await second.body?.cancel();
    } finally {
      clearTimeout(timer);
      first.abort();
    }
    const result = await running.interrupt();
    expect(result.code).toBe(0);
  });

  it('says an empty --token-file needs the token (not a secret) on its first line', async () => {
    const tokenFile = join(tempDir(), 'relay-token');
    writeFileSync(tokenFile, '\n', { mode: 0o600 });
    const result = await runCli(['serve', '--port', '0', '--token-file', tokenFile], {
      env: env(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is empty; put the token on its first line\.\n$/);
  });

  it.each([
    [['--max-viewers', '0'], /--max-viewers wants a whole number of at least 1/],
    [['--token', RELAY_TOKEN], /--token is not accepted .* pass --token-file PATH instead\.$/],
    [['--allow-origin', 'https://intranet.example.test/page'], /--allow-origin takes an origin/],
    [['--ttl', '0'], /--ttl wants a positive number of seconds/],
    // With a viewer connected that would be a thousand WHMCS requests a second.
    [['--ttl', '0.001'], /^whmcs-ticket-counts: --ttl wants between 1 and 2147483 seconds\.$/],
    [['--port', '99999'], /--port wants a port number/],
    // An unset variable in `--host "$RELAY_HOST"` must not open the relay on every interface.
    [['--host', ''], /--host wants an address to listen on/],
    [['--host= '], /--host wants an address to listen on/],
  ])('refuses %j as a usage error (exit 2)', async (args, message) => {
    const result = await runCli(['serve', ...args], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
    expectNoSecrets(result.stderr);
    expect(sim.requests).toHaveLength(0);
  });
});
