import { startWhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { PortUnavailableError } from '../port-unavailable-error.js';
import { type BusyPort, occupyPort } from '../test-support/busy-port.js';
import { UsageError } from '../usage-error.js';
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

  it('says an address that is not this machine is a --host mistake (exit 2), naming no port', async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
    const attempt = listenNamingFlag(
      '--port',
      () => startWhmcsSimulator({ host: '192.0.2.1', port: 0 }),
      '--host',
    );
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(
      "Cannot listen on 192.0.2.1, which is not one of this machine's addresses; pass --host with a local address, such as 127.0.0.1.",
    );
    // The relay wraps Node's error; a chosen port changes nothing, since the address is the problem.
    const wrapped = new Error('The relay cannot listen on 192.0.2.1:8787', {
      cause: Object.assign(new Error('listen EADDRNOTAVAIL'), {
        code: 'EADDRNOTAVAIL',
        address: '192.0.2.1',
        port: 8787,
      }),
    });
    await expect(
      listenNamingFlag('--port', () => Promise.reject(wrapped), '--host'),
    ).rejects.toThrow(
      "Cannot listen on 192.0.2.1, which is not one of this machine's addresses; pass --host with a local address, such as 127.0.0.1.",
    );
  });

  it('without a host flag, blames the address and not the port', async () => {
    const attempt = listenNamingFlag('--relay-port', () =>
      startWhmcsSimulator({ host: '192.0.2.1', port: 0 }),
    );
    await expect(attempt).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(attempt).rejects.toThrow(
      "Cannot listen on 192.0.2.1, which is not one of this machine's addresses (EADDRNOTAVAIL); check this machine's network set-up.",
    );
  });

  it('never prints a blank port: Node leaves port 0 (a free port) out of its error', async () => {
    const denied = Object.assign(new Error('listen EACCES'), {
      code: 'EACCES',
      address: '0.0.0.0',
    });
    await expect(listenNamingFlag('--port', () => Promise.reject(denied))).rejects.toThrow(
      'Cannot listen on a free port on 0.0.0.0 (EACCES); choose a port above 1023 with --port.',
    );
    const low = Object.assign(new Error('listen EACCES'), {
      code: 'EACCES',
      address: '0.0.0.0',
      port: 80,
    });
    await expect(listenNamingFlag('--port', () => Promise.reject(low))).rejects.toThrow(
      'Cannot listen on port 80 on 0.0.0.0 (EACCES); choose a port above 1023 with --port.',
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
