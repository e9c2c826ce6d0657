import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5-hex.js';
import { SAMPLE_CREDENTIALS } from './sample-data.js';
import { postForm, postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();

const legacyLogin = (password: string) => ({
  action: 'GetTicketCounts',
  username: SAMPLE_CREDENTIALS.adminUsername,
  password,
  responsetype: 'json',
});

describe('credentials', () => {
  it('accepts identifier/secret', async () => {
    const simulator = await start();
    const { status, body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(status).toBe(200);
    expect(body.result).toBe('success');
  });

  it('accepts the credential sent as username/password, secret verbatim', async () => {
    const simulator = await start();
    const { body } = await postJson(simulator.apiUrl, {
      action: 'GetTicketCounts',
      username: SAMPLE_CREDENTIALS.identifier,
      password: SAMPLE_CREDENTIALS.secret,
      responsetype: 'json',
    });
    expect(body.result).toBe('success');
  });

  it('accepts a legacy admin login with the MD5 hex of the password, either case', async () => {
    const simulator = await start();
    const hash = md5Hex(SAMPLE_CREDENTIALS.adminPassword);
    for (const password of [hash, hash.toUpperCase()]) {
      const { body } = await postJson(simulator.apiUrl, legacyLogin(password));
      expect(body).toMatchObject({ result: 'success', filteredDepartments: [1, 2] });
    }
  });

  const failures: [string, Record<string, string>, string][] = [
    ['a wrong secret', sampleRequest({ secret: 'wrong' }), 'Authentication Failed'],
    [
      'an MD5 of the secret',
      sampleRequest({ secret: md5Hex(SAMPLE_CREDENTIALS.secret) }),
      'Authentication Failed',
    ],
    ['an empty secret', sampleRequest({ secret: '' }), 'Invalid or missing credentials'],
    [
      'no secret',
      {
        action: 'GetTicketCounts',
        identifier: SAMPLE_CREDENTIALS.identifier,
        responsetype: 'json',
      },
      'Invalid or missing credentials',
    ],
    [
      'an unknown identifier',
      sampleRequest({ identifier: 'NoSuchIdentifier' }),
      'Invalid or missing credentials',
    ],
    [
      'no credentials at all',
      { action: 'GetTicketCounts', responsetype: 'json' },
      'Authentication Failed',
    ],
    [
      'a plain-text admin password',
      legacyLogin(SAMPLE_CREDENTIALS.adminPassword),
      'Invalid password provided',
    ],
    ['an empty admin password', legacyLogin(''), 'Invalid password provided'],
    ['a wrong MD5 admin password', legacyLogin(md5Hex('not it')), 'Authentication Failed'],
    [
      'an unknown admin',
      { ...legacyLogin(md5Hex('x')), username: 'nobody' },
      'Authentication Failed',
    ],
  ];
  for (const [what, fields, message] of failures) {
    it(`refuses ${what} with 403 "${message}" and counts a failed login`, async () => {
      const simulator = await start();
      const { status, body } = await postJson(simulator.apiUrl, fields);
      expect(status).toBe(403);
      expect(body).toEqual({ result: 'error', message });
      expect(simulator.failedLogins('127.0.0.1')).toBe(1);
      // Whatever was sent as a secret never comes back in the answer.
      for (const sent of [fields.secret, fields.password]) {
        if (sent) expect(JSON.stringify(body)).not.toContain(sent);
      }
    });
  }

  it('refuses an admin without API access with 403 "Access Denied"', async () => {
    const simulator = await start();
    for (const admin of simulator.data.admins) admin.apiAccess = false;
    const { status, body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(status).toBe(403);
    expect(body).toEqual({ result: 'error', message: 'Access Denied' });
  });
});

describe('API role permissions', () => {
  it('refuses a role without GetTicketCounts with 403 "Invalid Permissions"', async () => {
    const simulator = await start();
    for (const credential of simulator.data.apiCredentials)
      credential.allowedActions = ['GetClients'];
    const { status, body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(status).toBe(403);
    expect(body).toEqual({
      result: 'error',
      message: 'Invalid Permissions: API action "getticketcounts" is not allowed',
    });
    // A permission problem is not a failed login.
    expect(simulator.failedLogins()).toBe(0);
  });

  it('matches role actions in any spelling', async () => {
    const simulator = await start();
    for (const credential of simulator.data.apiCredentials)
      credential.allowedActions = ['getticketcounts'];
    const { body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(body.result).toBe('success');
  });

  it('gives a legacy admin login every action', async () => {
    const simulator = await start();
    for (const credential of simulator.data.apiCredentials) credential.allowedActions = [];
    const { body } = await postJson(
      simulator.apiUrl,
      legacyLogin(md5Hex(SAMPLE_CREDENTIALS.adminPassword)),
    );
    expect(body.result).toBe('success');
  });

  it('answers NVP for permission errors without responsetype=json', async () => {
    const simulator = await start();
    for (const credential of simulator.data.apiCredentials) credential.allowedActions = [];
    const answer = await postForm(simulator.apiUrl, sampleRequest({ responsetype: '' }));
    expect(answer.status).toBe(403);
    expect(answer.text).toBe(
      'result=error;message=Invalid Permissions: API action "getticketcounts" is not allowed;',
    );
  });
});
