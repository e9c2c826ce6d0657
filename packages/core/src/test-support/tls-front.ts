import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';

const here = new URL('./tls/', import.meta.url);

/** PEM files made once with openssl for these tests only (see tls/README.md). */
export const TLS_FILES = {
  caFile: new URL('ca.pem', here).pathname,
  serverCert: new URL('server.pem', here).pathname,
  expiredCert: new URL('expired.pem', here).pathname,
  serverKey: new URL('server.key', here).pathname,
};

export interface TlsFront {
  /** `https://127.0.0.1:<port>/` plus the simulator's base path. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Terminates TLS on 127.0.0.1 and pipes the plain bytes to the simulator, so the real simulator
 * answers over HTTPS (it only speaks HTTP itself).
 */
export async function startTlsFront(
  targetPort: number,
  cert = TLS_FILES.serverCert,
): Promise<TlsFront> {
  const sockets = new Set<TLSSocket>();
  const server = createServer(
    { key: readFileSync(TLS_FILES.serverKey), cert: readFileSync(cert) },
    (socket) => {
      sockets.add(socket);
      const upstream = connect(targetPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        sockets.delete(socket);
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    },
  );
  // Handshakes that fail (the client rejects our certificate) are expected here.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (path) => `https://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
