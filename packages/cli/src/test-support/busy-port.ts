import { createServer, type Server } from 'node:net';

/** A port on 127.0.0.1 that something else already listens on, for "port in use" tests. */
export interface BusyPort {
  readonly port: number;
  close(): Promise<void>;
}

export async function occupyPort(): Promise<BusyPort> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
