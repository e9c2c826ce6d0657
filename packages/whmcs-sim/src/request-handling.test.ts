import { describe, expect, it } from 'vitest';
import { SAMPLE_CREDENTIALS } from './sample-data.js';
import { callApi, postForm, postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();

describe('how requests are read', () => {
  it('accepts GET with the fields in the query string', async () => {
    const simulator = await start();
    const answer = await callApi(`${simulator.apiUrl}?${new URLSearchParams(sampleRequest())}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).result).toBe('success');
  });

  it('merges query and form body like $_REQUEST, the body winning', async () => {
    const simulator = await start();
    const query = new URLSearchParams({ action: 'GetTicketCounts', responsetype: 'xml' });
    const answer = await callApi(`${simulator.apiUrl}?${query}`, {
      method: 'POST',
      body: new URLSearchParams({
        identifier: SAMPLE_CREDENTIALS.identifier,
        secret: SAMPLE_CREDENTIALS.secret,
        responsetype: 'json',
      }),
    });
    expect(JSON.parse(answer.text).result).toBe('success');
    expect(simulator.requests[0]?.fields).toMatchObject({
      action: 'GetTicketCounts',
      responsetype: 'json',
    });
    expect(simulator.requests[0]?.query).toBe(query.toString());
  });

  it('does not read a JSON body, so its fields are missing', async () => {
    const simulator = await start();
    const answer = await callApi(simulator.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleRequest()),
    });
    // No credentials reached WHMCS, and with no responsetype the answer is NVP.
    expect(answer.status).toBe(403);
    expect(answer.text).toBe('result=error;message=Authentication Failed;');
    expect(simulator.requests[0]?.fields).toEqual({});
    expect(simulator.requests[0]?.contentType).toBe('application/json');
  });

  it('reads multipart/form-data bodies, as PHP does for FormData', async () => {
    const simulator = await start();
    const form = new FormData();
    for (const [name, value] of Object.entries(sampleRequest({ includeCountsByStatus: '1' }))) {
      form.append(name, value);
    }
    form.append('upload', new Blob(['ignored']), 'note.txt');
    const answer = await callApi(simulator.apiUrl, { method: 'POST', body: form });
    const body = JSON.parse(answer.text);
    expect(body.result).toBe('success');
    expect(body.status).toBeDefined();
    expect(simulator.requests[0]?.fields.upload).toBeUndefined();
  });

  it('ignores a form body on methods other than POST', async () => {
    const simulator = await start();
    const answer = await callApi(simulator.apiUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(sampleRequest()),
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Authentication Failed');
  });

  it('refuses a body over 1 MB with 413 and still records the request', async () => {
    const simulator = await start();
    const answer = await callApi(simulator.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `action=GetTicketCounts&pad=${'x'.repeat(1024 * 1024)}`,
    });
    expect(answer.status).toBe(413);
    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests[0]?.fields).toEqual({});
  });

  it('keeps fields named like Object.prototype members as plain data', async () => {
    const simulator = await start();
    const body = new URLSearchParams([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString', 'z'],
    ]);
    await callApi(simulator.apiUrl, { method: 'POST', body });
    const fields = simulator.requests[0]?.fields ?? {};
    expect(Object.entries(fields)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString', 'z'],
    ]);
  });

  it('renames dots and spaces in field names to underscores, as PHP does', async () => {
    const simulator = await start();
    await postForm(simulator.apiUrl, { 'a.b': '1', 'c d': '2' });
    expect(simulator.requests[0]?.fields).toEqual({ a_b: '1', c_d: '2' });
  });

  it('reads bracketed field names as PHP arrays, recorded as the string PHP prints for one', async () => {
    const simulator = await start();
    await callApi(simulator.apiUrl, {
      method: 'POST',
      body: new URLSearchParams([
        ['list[]', '1'],
        ['map.x[a]', '0'],
        ['half[open', '2'],
        ['a b[c.d', '3'],
        ['  padded', '9'],
        ['[nameless]', '4'],
        ['later', '5'],
        ['later[]', '6'],
        ['earlier[]', '7'],
        ['earlier', '8'],
      ]),
    });
    expect(simulator.requests[0]?.fields).toEqual({
      list: 'Array',
      map_x: 'Array',
      // Without a closing bracket the `[` becomes `_` like dots and spaces (PHP 8).
      half_open: '2',
      a_b_c_d: '3',
      // Leading spaces are dropped.
      padded: '9',
      later: 'Array',
      earlier: '8',
    });
  });

  it('records every request in order, with method, path, query, content type and IP', async () => {
    let clock = 1_000;
    const simulator = await start({ now: () => clock });
    await postForm(simulator.apiUrl, sampleRequest());
    clock = 2_000;
    await callApi(`${simulator.baseUrl}admin/?x=1`);
    expect(simulator.requests).toEqual([
      {
        method: 'POST',
        path: '/includes/api.php',
        query: '',
        contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        fields: sampleRequest(),
        ip: '127.0.0.1',
        at: 1_000,
      },
      {
        method: 'GET',
        path: '/admin/',
        query: 'x=1',
        contentType: undefined,
        fields: { x: '1' },
        ip: '127.0.0.1',
        at: 2_000,
      },
    ]);
  });
});

describe('action routing', () => {
  it('lower-cases the action and strips non-alphanumerics', async () => {
    const simulator = await start();
    for (const action of [
      'getticketcounts',
      'GETTICKETCOUNTS',
      'Get-Ticket_Counts',
      ' GetTicketCounts ',
    ]) {
      const { body } = await postJson(simulator.apiUrl, sampleRequest({ action }));
      expect(body.result, action).toBe('success');
    }
  });

  it('lower-cases ASCII only, as PHP 8’s strtolower does: a Kelvin sign is no "k"', async () => {
    const simulator = await start();
    // U+212A KELVIN SIGN lower-cases to "k" in JavaScript but is left alone, then stripped, by PHP.
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ action: 'GetTic\u212AetCounts' }),
    );
    // The sample role allows only a few actions, so it refuses the one this spelling routes to.
    expect(body).toEqual({
      result: 'error',
      message: 'Invalid Permissions: API action "getticetcounts" is not allowed',
    });
  });

  it('answers 400 "Empty action request" without an action', async () => {
    const simulator = await start();
    for (const action of [undefined, '', '---']) {
      const fields = sampleRequest();
      if (action === undefined) delete fields.action;
      else fields.action = action;
      const { status, body } = await postJson(simulator.apiUrl, fields);
      expect(status).toBe(400);
      expect(body).toEqual({ result: 'error', message: 'Empty action request' });
    }
  });

  it('answers 200 "Command Not Found" for an unknown action', async () => {
    const simulator = await start();
    const ops = simulator.data.apiCredentials.find((c) => c.allowedActions === 'all');
    if (ops === undefined) throw new Error('sample data lacks a full-access credential');
    const { status, body } = await postJson(simulator.apiUrl, {
      ...sampleRequest({ action: 'GetTicketCountz' }),
      identifier: ops.identifier,
      secret: ops.secret,
    });
    expect(status).toBe(200);
    expect(body).toEqual({ result: 'error', message: 'Command Not Found' });
  });

  it('lets a restricted role refuse an unknown action before "Command Not Found"', async () => {
    const simulator = await start();
    const { status, body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ action: 'GetTicketCountz' }),
    );
    expect(status).toBe(403);
    expect(body.message).toBe('Invalid Permissions: API action "getticketcountz" is not allowed');
  });

  it('answers 404 HTML for any other path', async () => {
    const simulator = await start();
    for (const path of ['', 'includes/', 'includes/api.php/extra', 'api.php', 'admin/index.php']) {
      const answer = await postForm(`${simulator.baseUrl}${path}`, sampleRequest());
      expect(answer.status, path).toBe(404);
      expect(answer.contentType).toMatch(/^text\/html/);
      expect(answer.text).toContain('Not Found');
    }
  });
});

describe('response format', () => {
  it('answers NVP text unless responsetype is exactly "json"', async () => {
    const simulator = await start();
    for (const responsetype of [undefined, 'JSON', 'Json', 'xml', '']) {
      const fields = sampleRequest({ includeCountsByStatus: '1' });
      if (responsetype === undefined) delete fields.responsetype;
      else fields.responsetype = responsetype;
      const answer = await postForm(simulator.apiUrl, fields);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^text\/html/);
      expect(answer.text).toBe(
        'result=success;filteredDepartments=Array;allActive=17;awaitingReply=10;flaggedTickets=4;status=Array;',
      );
    }
  });

  it('answers errors in NVP under the same rule, with the same HTTP status', async () => {
    const simulator = await start();
    const answer = await postForm(
      simulator.apiUrl,
      sampleRequest({ secret: 'wrong', responsetype: 'JSON' }),
    );
    expect(answer.status).toBe(403);
    expect(answer.text).toBe('result=error;message=Authentication Failed;');
  });

  it('answers JSON with Content-Type application/json', async () => {
    const simulator = await start();
    const answer = await postForm(simulator.apiUrl, sampleRequest());
    expect(answer.contentType).toBe('application/json');
    expect(answer.text).toBe(
      '{"result":"success","filteredDepartments":[1,2],"allActive":17,"awaitingReply":10,"flaggedTickets":4}',
    );
  });
});
