import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANY_ORIGIN_HEADERS } from './http/cors-policy.js';
import { createHostCheck } from './http/host-check.js';
import type { RequestTarget } from './http/request-target.js';
import { FRAME_DENY_HEADERS } from './http/security-headers.js';
import { type HeaderMap, send, sendRelayError } from './http/send.js';
import type { RelayContext } from './relay-context.js';
import { serveEvents } from './routes/events-route.js';
import { serveHealth } from './routes/healthz-route.js';
import { serveStatic } from './routes/static-route.js';
import { serveTicketCounts } from './routes/ticket-counts-route.js';

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

type RouteName = 'counts' | 'events' | 'health' | 'script' | 'demo';

const ROUTES: ReadonlyMap<string, RouteName> = new Map([
  ['/ticket-counts', 'counts'],
  ['/ticket-counts/events', 'events'],
  ['/healthz', 'health'],
  ['/ticket-counts.js', 'script'],
  ['/', 'demo'],
]);

/** The relay's only request listener: host and origin checks, CORS, token, then the route. */
export function createRequestHandler(
  context: RelayContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  const hostAllowed = createHostCheck(context.options.host);
  // CORS headers for an allowed origin on a loopback-addressed request, as on any other answer.
  const readableBy = (req: IncomingMessage) =>
    hostAllowed(req) ? { ...context.cors.responseHeaders(context.cors.judge(req)) } : {};
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    // The error's class name only: its message could quote anything.
    const name = error instanceof Error ? error.name : typeof error;
    context.options.log(`internal error while answering a request (${name})`);
    // Never a stack trace to a viewer; the process keeps serving.
    if (!res.headersSent) {
      sendRelayError(
        res,
        500,
        'internal',
        'The relay failed to answer; try again or check its log.',
        readableBy(req),
      );
    } else {
      res.destroy();
    }
  };
  return (req, res) => {
    try {
      handle(context, hostAllowed, req, res)?.catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  };
}

/** Synchronous except while a GET waits for WHMCS, so a cached answer costs no promise. */
function handle(
  context: RelayContext,
  hostAllowed: (req: IncomingMessage) => boolean,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | undefined {
  if (!hostAllowed(req)) {
    // Logged because the usual cause is the admin's own reverse proxy passing the page's Host;
    // the Host itself is not: it is the caller's text.
    context.hostRefusalLog.write(
      `request refused: its Host header does not name this machine (the DNS rebinding guard); a reverse proxy in front must pass Host ${context.listenHost}, or listen on another address.`,
    );
    sendRelayError(
      res,
      403,
      'forbidden-host',
      `This relay only answers requests addressed to localhost; open it as http://${context.listenHost}/.`,
    );
    return;
  }
  // Judged before routing: an allowed page must be able to read every answer, a 404 included,
  // or a typo in its src looks exactly like a relay that is down.
  const verdict = context.cors.judge(req);
  const corsHeaders = context.cors.responseHeaders(verdict);
  const target = parseRequestTarget(req.url);
  const route = target ? ROUTES.get(target.pathname) : undefined;
  if (!target || !route || !isAvailable(context, route)) {
    sendRelayError(
      res,
      404,
      'not-found',
      'Nothing is served at this path; the counts are at /ticket-counts.',
      { ...corsHeaders },
    );
    return;
  }
  const method = req.method ?? 'GET';
  const isDataRoute = route === 'counts' || route === 'events';

  if (method === 'OPTIONS') {
    const requestedMethod = req.headers['access-control-request-method'];
    if (verdict.kind === 'allowed' && requestedMethod !== undefined) {
      const ok = requestedMethod === 'GET' || requestedMethod === 'HEAD';
      send(res, ok ? 204 : 405, {
        ...context.cors.preflightHeaders(verdict.origin),
        Allow: ALLOWED_METHODS,
      });
      return;
    }
    if (verdict.kind === 'refused') {
      refuseOrigin(context, res, verdict.origin);
      return;
    }
    send(res, 204, { Allow: ALLOWED_METHODS });
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    sendRelayError(res, 405, 'method-not-allowed', 'The relay is read-only; use GET.', {
      ...corsHeaders,
      Allow: ALLOWED_METHODS,
    });
    return;
  }
  // A foreign page could not read the answer anyway; refusing also keeps it from holding SSE slots.
  if (isDataRoute && verdict.kind === 'refused') {
    refuseOrigin(context, res, verdict.origin);
    return;
  }
  const trusted =
    context.token === undefined ||
    context.token.accepts(req, route === 'events' ? target.search : undefined);
  if (isDataRoute && !trusted) {
    sendRelayError(
      res,
      401,
      'unauthorized',
      'This relay needs its token; send Authorization: Bearer <token> (or ?token= for the event stream).',
      { ...corsHeaders, 'WWW-Authenticate': 'Bearer realm="whmcs-ticket-counts"' },
    );
    return;
  }
  switch (route) {
    case 'counts':
      return serveTicketCounts(context, req, res, corsHeaders);
    case 'events':
      serveEvents(context, method, res, corsHeaders);
      return;
    case 'health':
      serveHealth(context, res, corsHeaders, trusted);
      return;
    case 'script':
      if (context.elementScript) {
        serveStatic(req, res, context.elementScript, {
          ...ANY_ORIGIN_HEADERS,
          'Content-Type': 'text/javascript; charset=utf-8',
        });
      }
      return;
    case 'demo':
      if (context.demoPage) {
        serveStatic(req, res, context.demoPage, {
          ...FRAME_DENY_HEADERS,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': context.demoPage.contentSecurityPolicy,
        } satisfies HeaderMap);
      }
      return;
  }
}

function isAvailable(context: RelayContext, route: RouteName): boolean {
  if (route === 'script') return context.elementScript !== undefined;
  if (route === 'demo') return context.demoPage !== undefined;
  return true;
}

function refuseOrigin(context: RelayContext, res: ServerResponse, origin: string): void {
  // Named in the log so a mistyped allowed origin is easy to spot; only a well-formed origin
  // is echoed, since anyone can send any text as Origin and the log goes to a terminal.
  context.originRefusalLog.write(
    `request refused: the origin ${wellFormedOrigin(origin) ?? '(malformed)'} is not among the allowed origins; add it there if its pages should read the counts.`,
  );
  sendRelayError(
    res,
    403,
    'origin-not-allowed',
    "Pages from this origin may not read the ticket counts; add the origin to the relay's allowed origins.",
  );
}

function wellFormedOrigin(origin: string): string | undefined {
  if (origin === 'null') return origin;
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && url.origin === origin ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits an origin-form request target without a full URL parse (this runs for every request).
 * Paths are matched exactly as sent: no dot-segment or percent-decoding games.
 */
function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  if (!raw?.startsWith('/')) return undefined;
  const query = raw.indexOf('?');
  return query === -1
    ? { pathname: raw, search: '' }
    : { pathname: raw.slice(0, query), search: raw.slice(query + 1) };
}
