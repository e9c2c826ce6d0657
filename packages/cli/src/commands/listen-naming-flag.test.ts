import { startWhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { PortUnavailableError } from '../port-unavailable-error.js';
import { type BusyPort, occupyPort } from '../test-support/busy-port.js';
import { listenNamingFlag } from './listen-naming-flag.js';

let busy: BusyPort | undefined;

afterEach(async () => {
  await busy?.close();
  busy = undefined;
});

describe('listenNamingFlag', () => {
  it('names the flag that picks the port when it is taken', async () => {
    busy = await occupyPort();
    const port = busy.port;
    const attempt = listenNamingFlag('--relay-port', () =>
      startWhmcsSimulator({ host: '127.0.0.1', port }),
    );
    await expect(attempt).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(attempt).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use; stop the other program or choose another port with --relay-port.`,
    );
  });

  it('passes a successful start through', async () => {
    const sim = await listenNamingFlag('--port', () => startWhmcsSimulator({ port: 0 }));
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await sim.close();
  });

  it('leaves other failures alone', async () => {
    const failure = new Error('something else');
    await expect(listenNamingFlag('--port', () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
