import { describe, expect, it } from 'vitest';
import { postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();
const MINUTE = 60_000;

describe('IP ban after failed logins', () => {
  it('bans an IP for 15 minutes after 3 failures in 30 minutes, then lets it in again', async () => {
    let clock = 1_000_000;
    const simulator = await start({ now: () => clock });
    for (let i = 1; i <= 2; i++) {
      await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
      expect(simulator.failedLogins('127.0.0.1')).toBe(i);
    }
    clock += 10 * MINUTE;
    const third = await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect(third.body.message).toBe('Authentication Failed');

    // Banned now: even the right secret is refused, and the refusal is not another failure.
    const banned = await postJson(simulator.apiUrl, sampleRequest());
    expect(banned).toEqual({ status: 403, body: { result: 'error', message: 'IP Banned' } });
    clock += 15 * MINUTE - 1;
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.message).toBe('IP Banned');

    clock += 1;
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
    expect(simulator.failedLogins('127.0.0.1')).toBe(0);
  });

  it('forgets failures older than the window', async () => {
    let clock = 5_000_000;
    const simulator = await start({ now: () => clock });
    await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    clock += 30 * MINUTE;
    expect(simulator.failedLogins('127.0.0.1')).toBe(0);
    await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });

  it('bans per IP and checks the ban before the allow-list', async () => {
    let ip = '203.0.113.9';
    const simulator = await start({ clientIp: () => ip });
    simulator.data.allowedIps = 'any';
    for (let i = 0; i < 3; i++) await postJson(simulator.apiUrl, sampleRequest({ secret: '' }));
    simulator.data.allowedIps = ['127.0.0.1'];
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.message).toBe('IP Banned');
    ip = '127.0.0.1';
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });

  it('honours custom limits and clearBans()', async () => {
    const simulator = await start({ ban: { maxFailures: 1 } });
    await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.message).toBe('IP Banned');
    simulator.clearBans();
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });

  it('counts failures across IPs when failedLogins() has no argument', async () => {
    let ip = '198.51.100.1';
    const simulator = await start({ clientIp: () => ip });
    simulator.data.allowedIps = 'any';
    await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    ip = '198.51.100.2';
    await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect(simulator.failedLogins('198.51.100.1')).toBe(1);
    expect(simulator.failedLogins()).toBe(2);
  });
});
