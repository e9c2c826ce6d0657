import { describe, expect, it } from 'vitest';
import type { RelayOptions } from './relay-options.js';
import { InvalidRelayOptionsError, resolveRelayOptions } from './resolve-relay-options.js';

const load: RelayOptions['load'] = async () => {
  throw new Error('not called');
};

describe('resolveRelayOptions', () => {
  it('defaults to loopback, port 8787, a 60 s TTL, no origins, 100 viewers, 25 s heartbeats', () => {
    const resolved = resolveRelayOptions({ load });
    expect(resolved).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      ttlMs: 60_000,
      maxSubscribers: 100,
      heartbeatMs: 25_000,
      demoPage: true,
      token: undefined,
    });
    expect(resolved.allowOrigins.size).toBe(0);
  });

  it.each<[string, Partial<RelayOptions>]>([
    // Node binds an empty host to every interface: the opposite of what anyone meant.
    ['host', { host: '' }],
    ['host', { host: '  ' }],
    ['port', { port: 70_000 }],
    ['port', { port: 1.5 }],
    ['TTL', { ttlSeconds: 0 }],
    ['TTL', { ttlSeconds: Number.NaN }],
    ['heartbeat', { heartbeatSeconds: -1 }],
    // Node fires timers above 2^31 - 1 ms at once: a heartbeat every millisecond to every viewer.
    ['TTL', { ttlSeconds: 2_147_484 }],
    ['heartbeat', { heartbeatSeconds: 2_147_484 }],
    ['subscriber limit', { maxSubscribers: 0 }],
    ['token', { token: '' }],
    ['token', { token: 'has space' }],
    ['allowed origin', { allowOrigins: ['https://dashboard.example/'] }],
    ['allowed origin', { allowOrigins: ['dashboard.example'] }],
    ['allowed origin', { allowOrigins: ['*'] }],
    ['demo admin URL', { demoAdminUrl: 'javascript:alert(1)' }],
    ['demo admin URL', { demoAdminUrl: 'https://user:pw@whmcs.example/admin/' }],
    ['upstream URL', { upstreamUrl: 'whmcs.example' }],
    ['upstream URL', { upstreamUrl: 'ftp://whmcs.example/' }],
    ['admin folder', { adminFolder: '../evil' }],
    ['admin folder', { adminFolder: 'staff/area' }],
    ['admin folder', { adminFolder: '' }],
    ['admin folder', { adminFolder: 'admin?x=1' }],
  ])('refuses a bad %s with one sentence', (_what, options) => {
    let thrown: unknown;
    try {
      resolveRelayOptions({ load, ...options });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidRelayOptionsError);
    expect((thrown as Error).message).toMatch(/^[^\n]+\.$/);
    expect((thrown as Error).message).not.toContain('pw@');
  });

  it('accepts the admin folder names WHMCS allows, as core does', () => {
    for (const adminFolder of ['admin', 'wh-secret', 'Staff_Area2']) {
      expect(resolveRelayOptions({ load, adminFolder }).adminFolder).toBe(adminFolder);
    }
    expect(resolveRelayOptions({ load }).adminFolder).toBeUndefined();
  });

  it('needs a load function', () => {
    expect(() => resolveRelayOptions({} as RelayOptions)).toThrow(InvalidRelayOptionsError);
  });
});
