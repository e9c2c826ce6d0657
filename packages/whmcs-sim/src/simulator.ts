import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BanTracker } from './ban-tracker.js';
import { handleApiRequest } from './handle-api-request.js';
import { notFoundPage } from './html-pages.js';
import { applyLivelinessStep } from './liveliness.js';
import { parseRequestFields } from './request-fields.js';
import { createSampleData } from './sample-data.js';
import { htmlResponse, type SimResponse } from './sim-response.js';
import type {
  RecordedRequest,
  SimulatorFault,
  WhmcsSimulator,
  WhmcsSimulatorOptions,
} from './types.js';

/** PHP's default post_max_size is 8 MB; a test server needs far less. */
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Starts a WHMCS look-alike serving `<basePath>includes/api.php`; resolves once it listens. */
export async function startWhmcsSimulator(
  options: WhmcsSimulatorOptions = {},
): Promise<WhmcsSimulator> {
  const host = options.host ?? '127.0.0.1';
  const basePath = normalizeBasePath(options.basePath ?? '/');
  const apiPath = `${basePath}includes/api.php`;
  const data = options.data ?? createSampleData();
  const now = options.now ?? Date.now;
  const bans = new BanTracker({ ...options.ban, now });
  const clientIp = options.clientIp ?? socketIp;
  const requests: RecordedRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let fault: SimulatorFault | undefined;

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const url = new URL(req.url ?? '/', 'http://simulator.invalid');
        const method = req.method ?? 'GET';
        const contentType = req.headers['content-type'];
        const fields = parseRequestFields(method, url.search.slice(1), contentType, body);
        const ip = clientIp(req);
        requests.push({
          method,
          path: url.pathname,
          query: url.search.slice(1),
          contentType,
          fields,
          ip,
          at: now(),
        });
        if (url.pathname !== apiPath) return send(res, htmlResponse(404, notFoundPage()));
        // Read the fault once: a test switching faults mid-request must not mix two behaviours.
        const current = fault;
        if (current?.kind === 'hang') return;
        const answer = () =>
          send(res, handleApiRequest({ data, fields, ip, bans, fault: current }));
        if (current?.kind !== 'slow') return answer();
        const timer = setTimeout(() => {
          pendingTimers.delete(timer);
          answer();
        }, current.delayMs);
        pendingTimers.add(timer);
      },
      (error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          send(res, htmlResponse(413, '<h1>413 Request Entity Too Large</h1>\n'));
          return;
        }
        // The client went away mid-body: nothing to answer.
        res.destroy();
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let livelinessTimer: NodeJS.Timeout | undefined;
  if (options.liveliness !== undefined) {
    const random = options.liveliness.random ?? Math.random;
    livelinessTimer = setInterval(
      () => applyLivelinessStep(data, random),
      options.liveliness.intervalMs,
    );
    // A demo server must not keep a process alive on its own account.
    livelinessTimer.unref();
  }

  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${urlHost(host)}:${port}${basePath}`;
  let closing: Promise<void> | undefined;

  return {
    baseUrl,
    apiUrl: `${baseUrl}includes/api.php`,
    data,
    requests,
    setFault(next) {
      fault = next;
    },
    clearBans() {
      bans.clear();
    },
    failedLogins(ip) {
      return bans.failedLogins(ip);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(livelinessTimer);
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close(() => resolve());
        // Keep-alive and hung sockets would otherwise hold close() open for seconds or forever.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function socketIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError('request body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const body = Buffer.from(response.body, 'utf8');
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) {
    // An empty value means "send no such header" (e.g. garbage without a content type).
    if (value !== '') res.setHeader(name, value);
  }
  res.setHeader('content-length', body.length);
  res.end(body);
}
