import { describe, expect, it } from 'vitest';
import { createRelayEngine } from './relay-engine.js';

describe('createRelayEngine', () => {
  it('retries a retryable failure no sooner than one TTL later', async () => {
    const ttlMs = 60_000;
    let attempts = 0;
    const engine = createRelayEngine(async () => {
      attempts += 1;
      throw Object.assign(new Error('WHMCS is down; try again later.'), {
        kind: 'http',
        retryable: true,
        stopsPolling: false,
      });
    }, ttlMs);
    const before = Date.now();
    engine.start();
    const state = await engine.refresh();
    expect(state.error?.kind).toBe('http');
    expect(attempts).toBe(1);
    expect(state.nextRefreshAt).toBeGreaterThanOrEqual(before + ttlMs);
    engine.stop();
  });
});
