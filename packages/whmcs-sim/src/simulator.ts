import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BanTracker } from './ban-tracker.js';
import { handleApiRequest } from './handle-api-request.js';
import { notFoundPage } from './html-pages.js';
import { applyLivelinessStep } from './liveliness.js';
import { parseRequestFields } from './request-fields.js';
import { parseRequestTarget } from './request-target.js';
import { createSampleData } from './sample-data.js';
import { htmlResponse, type SimResponse } from './sim-response.js';
import type {
  RecordedRequest,
  SimulatorFault,
  WhmcsSimulator,
  WhmcsSimulatorOptions,
} from './types.js';
import { validateOptions } from './validate-options.js';

/** PHP's default post_max_size is 8 MB; a test server needs far less. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Starts a WHMCS look-alike serving `<basePath>includes/api.php`; resolves once it listens. */
export async function startWhmcsSimulator(
  options: WhmcsSimulatorOptions = {},
): Promise<WhmcsSimulator> {
  validateOptions(options);
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
        const target = parseRequestTarget(req.url ?? '/');
        const method = req.method ?? 'GET';
        const contentType = req.headers['content-type'];
        // PHP drops an oversized body entirely: only the query's fields remain.
        const readable = body === undefined ? undefined : contentType;
        const fields = parseRequestFields(method, target.query, readable, body ?? Buffer.alloc(0));
        const ip = clientIp(req);
        requests.push({
          method,
          path: target.path,
          query: target.query,
          contentType,
          fields,
          ip,
          at: now(),
        });
        if (body === undefined) {
          return send(res, htmlResponse(413, '<h1>413 Request Entity Too Large</h1>\n'));
        }
        if (target.filePath !== apiPath) return send(res, htmlResponse(404, notFoundPage()));
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
        // A client that gives up must not leave a timer behind.
        res.on('close', () => {
          clearTimeout(timer);
          pendingTimers.delete(timer);
        });
      },
      // The client went away mid-body: nothing to answer.
      () => res.destroy(),
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

/** The whole body, or `undefined` when it exceeds MAX_BODY_BYTES (the rest is drained unread). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      req.off('data', collect);
      req.resume();
    };
    req.on('data', collect);
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
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
