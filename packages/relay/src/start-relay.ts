import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoPage } from './demo/demo-page.js';
import { exposureWarning } from './exposure-warning.js';
import { BearerTokenCheck } from './http/bearer-token.js';
import { CorsPolicy } from './http/cors-policy.js';
import { CountsView } from './payload/counts-view.js';
import { createRepresentation, type Representation } from './payload/representation.js';
import type { RelayContext } from './relay-context.js';
import type { Relay, RelayOptions } from './relay-options.js';
import { createRequestHandler } from './request-handler.js';
import { InvalidRelayOptionsError, resolveRelayOptions } from './resolve-relay-options.js';
import { eventId } from './routes/events-route.js';
import { countsEvent, SseHub } from './sse/sse-hub.js';
import { ThrottledLog } from './sse/throttled-log.js';
import { createLoggedLoad } from './upstream/logged-load.js';
import { createRelayEngine } from './upstream/relay-engine.js';
import { UpstreamPolicy } from './upstream/upstream-policy.js';

/** Node's defaults are generous; a relay for a handful of dashboards needs far less. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const CONNECTIONS_CHECK_MS = 1_000;
const MAX_HEADER_COUNT = 64;
const REFUSAL_LOG_INTERVAL_MS = 10_000;

export class RelayListenError extends Error {
  override readonly name = 'RelayListenError';
}

/** Starts the relay; resolves once it listens. See the package README for routes and policy. */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const resolved = resolveRelayOptions(options);
  const { log } = resolved;
  const elementScript = await loadElementScript(resolved.elementScript);

  const loggedLoad = createLoggedLoad(resolved.load, log, resolved.redact);
  const engine = createRelayEngine(loggedLoad.load, resolved.ttlMs);
  const policy = new UpstreamPolicy({
    engine,
    ttlMs: resolved.ttlMs,
    lastAttemptAt: loggedLoad.lastAttemptAt,
  });
  const hub = new SseHub({
    maxSubscribers: resolved.maxSubscribers,
    heartbeatMs: resolved.heartbeatMs,
    onCountChange: (count, delta) => {
      log(`subscribers ${count} (${delta > 0 ? '+1' : '-1'})`);
      if (delta > 0) policy.watcherAdded();
      else policy.watcherRemoved();
    },
  });
  const view = new CountsView(resolved.redact, resolved.upstreamAddress);
  let lastBroadcast = view.snapshot(engine.state);
  const unsubscribe = engine.onDidChange((state) => {
    const snapshot = view.snapshot(state);
    if (!snapshot || snapshot === lastBroadcast) return;
    lastBroadcast = snapshot;
    hub.broadcast(countsEvent(snapshot.text, eventId(snapshot.etag)));
  });

  const server = createServer({
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // How often Node enforces the two timeouts above; its 30 s default lets a slow client linger.
    connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
    maxHeaderSize: 16 * 1024,
  });
  server.maxHeadersCount = MAX_HEADER_COUNT;
  await listen(server, resolved.host, resolved.port);
  const url = formatUrl(server.address() as AddressInfo);

  // Built once the address is known, for the page's embedding snippet. With a token the demo page
  // shows no counts (it has no token to send), so links would only tell strangers where WHMCS is.
  const demo = resolved.demoPage
    ? createDemoPage({
        relayUrl: url,
        adminUrl: resolved.token === undefined ? resolved.demoAdminUrl : undefined,
        adminFolder: resolved.adminFolder,
      })
    : undefined;
  const context: RelayContext = {
    options: resolved,
    listenHost: new URL(url).host,
    engine,
    policy,
    view,
    hub,
    refusalLog: new ThrottledLog(log, REFUSAL_LOG_INTERVAL_MS),
    hostRefusalLog: new ThrottledLog(log, REFUSAL_LOG_INTERVAL_MS),
    originRefusalLog: new ThrottledLog(log, REFUSAL_LOG_INTERVAL_MS),
    cors: new CorsPolicy(resolved.allowOrigins),
    token: resolved.token === undefined ? undefined : new BearerTokenCheck(resolved.token),
    elementScript,
    demoPage: demo && {
      ...createRepresentation(demo.html),
      contentSecurityPolicy: demo.contentSecurityPolicy,
    },
  };

  // Attached right after listen() resolves, before any connection can be read.
  server.on('request', createRequestHandler(context));
  log(`relay listening on ${url}`);
  const warning = exposureWarning(resolved.host, resolved.token !== undefined);
  if (warning) log(warning);

  let closing: Promise<void> | undefined;
  return {
    url,
    engine,
    close() {
      closing ??= (async () => {
        unsubscribe();
        hub.closeAll();
        policy.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        log('relay closed');
      })();
      return closing;
    },
  };
}

async function loadElementScript(
  script: RelayOptions['elementScript'],
): Promise<Representation | undefined> {
  if (script === undefined) return undefined;
  if ('source' in script && typeof script.source === 'string') {
    return createRepresentation(script.source);
  }
  if ('path' in script && typeof script.path === 'string') {
    try {
      return createRepresentation(await readFile(script.path, 'utf8'));
    } catch {
      throw new InvalidRelayOptionsError(
        `Cannot read the element script at ${script.path}; build the web component or pass another path.`,
      );
    }
  }
  throw new InvalidRelayOptionsError(
    'The element script must be { path } or { source }; fix options.elementScript.',
  );
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      // Port 0 means any free port: "host:0" would name a port nobody chose.
      const where = port === 0 ? host : `${host}:${port}`;
      const message =
        error.code === 'EADDRINUSE'
          ? `Port ${where} is already in use; stop the other program or choose another port.`
          : error.code === 'EACCES'
            ? `The relay may not listen on ${where}; choose a port above 1023 or another host.`
            : error.code === 'EADDRNOTAVAIL'
              ? `The relay cannot listen on ${host}, which is not one of this machine's addresses; choose a local host such as 127.0.0.1.`
              : `The relay cannot listen on ${where} (${error.code ?? 'unknown error'}); check the host and port.`;
      reject(new RelayListenError(message, { cause: error }));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
