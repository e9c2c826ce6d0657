import { fetchTransport } from '../fetch-transport.js';
import { createNodeTransport } from '../node/node-transport.js';
import type { Transport } from '../transport.js';

/** Both real transports, so every HTTP test runs over Node's fetch and over undici.request. */
export const TRANSPORTS: {
  name: string;
  create: () => { transport: Transport; close(): Promise<void> };
}[] = [
  {
    name: 'fetchTransport(globalThis.fetch)',
    create: () => ({ transport: fetchTransport(globalThis.fetch), close: async () => {} }),
  },
  {
    name: 'createNodeTransport()',
    create: () => {
      // Tests talk to 127.0.0.1 only: ignore any proxy configured on the machine.
      const transport = createNodeTransport({ proxyFromEnv: false });
      return { transport, close: () => transport.close() };
    },
  },
];
