import { describe, expect, it } from 'vitest';
import { callApi, postForm, postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';
import { waitFor } from './test-support/wait-for.js';

const start = simulatorFixture();

describe('faults', () => {
  it('maintenance: HTML 200 "Down for Maintenance", no login attempted', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'maintenance' });
    const answer = await postForm(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.text).toContain('Down for Maintenance');
    expect(simulator.failedLogins()).toBe(0);
    expect(simulator.requests).toHaveLength(1);
  });

  it('installer: HTML 200 asking to delete the install folder', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'installer' });
    const answer = await postForm(simulator.apiUrl, sampleRequest());
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.text).toContain('The install folder needs to be deleted');
  });

  it('server-error: a reverse proxy’s HTML page, 502 by default', async () => {
    const simulator = await start();
    for (const [status, expected] of [
      [undefined, 502],
      [500, 500],
      [503, 503],
    ] as const) {
      simulator.setFault(
        status === undefined ? { kind: 'server-error' } : { kind: 'server-error', status },
      );
      const answer = await postForm(simulator.apiUrl, sampleRequest());
      expect(answer.status).toBe(expected);
      expect(answer.contentType).toMatch(/^text\/html/);
      expect(answer.text).toContain(`<h1>${expected} `);
    }
  });

  it('redirect: the given status and Location, without following anything', async () => {
    const simulator = await start();
    for (const status of [301, 302, 303, 307, 308] as const) {
      simulator.setFault({
        kind: 'redirect',
        status,
        location: 'https://billing.example.test/includes/api.php',
      });
      const answer = await postForm(simulator.apiUrl, sampleRequest());
      expect(answer.status).toBe(status);
      expect(answer.headers.get('location')).toBe('https://billing.example.test/includes/api.php');
    }
  });

  it('rate-limit: 429 with Retry-After (60 s unless given) and an HTML body', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'rate-limit' });
    const first = await postForm(simulator.apiUrl, sampleRequest());
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('60');
    expect(first.contentType).toMatch(/^text\/html/);
    simulator.setFault({ kind: 'rate-limit', retryAfterSeconds: 7 });
    expect((await postForm(simulator.apiUrl, sampleRequest())).headers.get('retry-after')).toBe(
      '7',
    );
  });

  it('basic-auth: 401 with a Basic challenge', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'basic-auth' });
    const answer = await postForm(simulator.apiUrl, sampleRequest());
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"$/);
  });

  it('counts-disabled: the three totals are "x", per-status counts stay numbers', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'counts-disabled' });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ includeCountsByStatus: '1' }),
    );
    expect(body).toMatchObject({
      result: 'success',
      filteredDepartments: [1, 2],
      allActive: 'x',
      awaitingReply: 'x',
      flaggedTickets: 'x',
    });
    expect((body.status as Record<string, unknown>).open).toEqual({ title: 'Open', count: 8 });
  });

  it('counts-disabled still requires a valid login', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'counts-disabled' });
    const { body } = await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect(body.message).toBe('Authentication Failed');
  });

  it('numeric-strings: counts and department ids as JSON strings', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'numeric-strings' });
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ includeCountsByStatus: '1' }),
    );
    expect(body).toMatchObject({
      filteredDepartments: ['1', '2'],
      allActive: '17',
      awaitingReply: '10',
      flaggedTickets: '4',
    });
    expect((body.status as Record<string, unknown>).open).toEqual({ title: 'Open', count: '8' });
  });

  it('licence: 200 JSON error, default and custom message, NVP without responsetype=json', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'licence' });
    expect(await postJson(simulator.apiUrl, sampleRequest())).toEqual({
      status: 200,
      body: { result: 'error', message: 'Your license key has expired' },
    });
    simulator.setFault({ kind: 'licence', message: 'License Invalid: Suspended' });
    const nvp = await postForm(simulator.apiUrl, sampleRequest({ responsetype: 'xml' }));
    expect(nvp.text).toBe('result=error;message=License Invalid: Suspended;');
  });

  it('garbage: any body, type and status verbatim', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'garbage', body: '{"result":"succ' });
    const plain = await postForm(simulator.apiUrl, sampleRequest());
    expect([plain.status, plain.text]).toEqual([200, '{"result":"succ']);
    expect(plain.contentType).toMatch(/^text\/plain/);
    simulator.setFault({
      kind: 'garbage',
      body: '<?php',
      contentType: 'application/json',
      status: 500,
    });
    const typed = await postForm(simulator.apiUrl, sampleRequest());
    expect([typed.status, typed.contentType, typed.text]).toEqual([
      500,
      'application/json',
      '<?php',
    ]);
    simulator.setFault({ kind: 'garbage', body: 'nothing', contentType: '' });
    expect((await postForm(simulator.apiUrl, sampleRequest())).contentType).toBeNull();
  });

  it('slow: answers normally after the delay', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'slow', delayMs: 30 });
    const { body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(body.result).toBe('success');
  });

  it('hang: records the request, never answers, and close() ends it', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'hang' });
    const pending = postForm(simulator.apiUrl, sampleRequest());
    await waitFor(() => simulator.requests.length === 1);
    await simulator.close();
    await expect(pending).rejects.toThrow();
  });

  it('slow: survives a client that gives up before the answer', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'slow', delayMs: 50 });
    const controller = new AbortController();
    const abandoned = callApi(simulator.apiUrl, {
      method: 'POST',
      body: new URLSearchParams(sampleRequest()),
      signal: controller.signal,
    });
    await waitFor(() => simulator.requests.length === 1);
    controller.abort();
    await expect(abandoned).rejects.toThrow();
    // The server is still healthy for the next caller, who waits out the delay.
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });

  it('close() does not wait for a slow answer', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'slow', delayMs: 60 * 60_000 });
    const pending = postForm(simulator.apiUrl, sampleRequest());
    await waitFor(() => simulator.requests.length === 1);
    await simulator.close();
    await expect(pending).rejects.toThrow();
  });

  it('applies only to the API path and goes away with setFault(undefined)', async () => {
    const simulator = await start();
    simulator.setFault({ kind: 'maintenance' });
    expect((await callApi(`${simulator.baseUrl}index.php`)).status).toBe(404);
    simulator.setFault(undefined);
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });
});
