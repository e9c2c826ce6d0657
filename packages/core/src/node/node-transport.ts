import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';
import type { Transport } from '../transport.js';
import { dispatchRequest } from './dispatch-request.js';
import { isLoopbackHost } from './is-loopback.js';
import { hasProxyEnv } from './proxy-env.js';
import { readCaFile } from './read-ca-file.js';

export interface NodeTransportOptions {
  /** PEM bundle of the CA that signed WHMCS's certificate (private CA, self-signed): read once, trusted in addition to Node's bundled roots. */
  caFile?: string;
  /** Default 10000. */
  connectTimeoutMs?: number;
  /** Use HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment (never for loopback); default true. */
  proxyFromEnv?: boolean;
  /** Reuse connections between calls; default true. */
  keepAlive?: boolean;
}

export type NodeTransport = Transport & {
  /** Closes the pooled connections; the transport is unusable afterwards. */
  close(): Promise<void>;
};

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * A transport on `undici`'s dispatcher with its own connection pool: keep-alive,
 * connect/headers/body timeouts, an optional CA file, proxies from the environment. Redirects are
 * never followed (undici's dispatcher does not follow them without an interceptor).
 */
export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  // Node's `ca` option replaces the bundled roots: keep them, so the file only adds trust. One
  // secure context for all connections, instead of parsing ~140 roots per TLS handshake.
  const tls = options.caFile
    ? {
        secureContext: createSecureContext({
          ca: [...rootCertificates, readCaFile(options.caFile)],
        }),
      }
    : {};
  const agentOptions = {
    connect: { timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, ...tls },
    // pipelining 0 is undici's way of saying "no keep-alive".
    pipelining: options.keepAlive === false ? 0 : 1,
  };
  const direct = new Agent(agentOptions);
  // Loopback never goes through a proxy: a proxy cannot reach this machine's 127.0.0.1 (and the
  // demo's simulator lives there), whether or not NO_PROXY lists it.
  const proxied: Dispatcher =
    options.proxyFromEnv !== false && hasProxyEnv()
      ? new EnvHttpProxyAgent({ ...agentOptions, requestTls: tls })
      : direct;

  const transport: Transport = (request) =>
    dispatchRequest(isLoopbackHost(request.url.hostname) ? direct : proxied, request);
  return Object.assign(transport, {
    close: async () => {
      await Promise.all(proxied === direct ? [direct.close()] : [direct.close(), proxied.close()]);
    },
  });
}
