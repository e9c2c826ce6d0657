import { describe, expect, it } from 'vitest';
import { SAMPLE_CREDENTIALS } from './sample-data.js';
import { postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();

describe('API IP allow-list and access key', () => {
  it('lets the sample data’s loopback addresses in', async () => {
    const simulator = await start();
    expect(simulator.data.allowedIps).toEqual(['127.0.0.1', '::1']);
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });

  it('refuses an IP outside the list with 403 "Invalid IP <address>"', async () => {
    const simulator = await start();
    simulator.data.allowedIps = ['192.0.2.10'];
    const { status, body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(status).toBe(403);
    expect(body).toEqual({ result: 'error', message: 'Invalid IP 127.0.0.1' });
    expect(simulator.failedLogins()).toBe(0);
  });

  it('lets a correct access key bypass the list (special characters URL-encoded)', async () => {
    const simulator = await start();
    simulator.data.allowedIps = [];
    const { body } = await postJson(
      simulator.apiUrl,
      sampleRequest({ accesskey: SAMPLE_CREDENTIALS.accessKey }),
    );
    expect(body.result).toBe('success');
  });

  it('refuses a wrong access key with 403 "Invalid Access Key"', async () => {
    const simulator = await start();
    simulator.data.allowedIps = [];
    const { status, body } = await postJson(simulator.apiUrl, sampleRequest({ accesskey: 'nope' }));
    expect(status).toBe(403);
    expect(body).toEqual({ result: 'error', message: 'Invalid Access Key' });
  });

  it('ignores an access key when configuration.php sets none', async () => {
    const simulator = await start();
    simulator.data.allowedIps = [];
    delete simulator.data.accessKey;
    const { body } = await postJson(simulator.apiUrl, sampleRequest({ accesskey: 'anything' }));
    expect(body).toEqual({ result: 'error', message: 'Invalid IP 127.0.0.1' });
  });

  it('does not check the access key of a caller whose IP is allowed', async () => {
    const simulator = await start();
    const { body } = await postJson(simulator.apiUrl, sampleRequest({ accesskey: 'wrong' }));
    expect(body.result).toBe('success');
  });

  it('checks the IP before the credentials', async () => {
    const simulator = await start();
    simulator.data.allowedIps = ['192.0.2.10'];
    const { body } = await postJson(simulator.apiUrl, sampleRequest({ secret: 'wrong' }));
    expect(body.message).toBe('Invalid IP 127.0.0.1');
    expect(simulator.failedLogins()).toBe(0);
  });

  it('sees the IP given by the clientIp option, IPv6 included', async () => {
    const simulator = await start({ clientIp: () => '2001:db8::7' });
    const { body } = await postJson(simulator.apiUrl, sampleRequest());
    expect(body).toEqual({ result: 'error', message: 'Invalid IP 2001:db8::7' });
    simulator.data.allowedIps = ['2001:db8::7'];
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
    expect(simulator.requests.map((r) => r.ip)).toEqual(['2001:db8::7', '2001:db8::7']);
  });

  it('accepts anyone when the list is "any"', async () => {
    const simulator = await start({ clientIp: () => '198.51.100.4' });
    simulator.data.allowedIps = 'any';
    expect((await postJson(simulator.apiUrl, sampleRequest())).body.result).toBe('success');
  });
});
