import type { WhmcsAuth } from './connection.js';
import { HttpStatusError } from './errors/http-status-error.js';
import { NotJsonError } from './errors/not-json-error.js';
import { RedirectError } from './errors/redirect-error.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { WhmcsApiError } from './errors/whmcs-api-error.js';
import type { WhmcsError } from './errors/whmcs-error.js';
import { formatDuration } from './format-duration.js';
import { jsonAmidPhpNoise } from './json-amid-php-noise.js';
import { nvpErrorMessage } from './nvp-error-message.js';
import { MAX_RETRY_AFTER_MS } from './refresh/backoff.js';
import { parseRetryAfter } from './retry-after.js';
import { textSnippet } from './text-snippet.js';
import type { TicketCounts } from './ticket-counts.js';
import { describeValue, parseSuccess } from './ticket-counts-response.js';
import type { TransportResponse } from './transport.js';
import { errorFromWhmcsMessage } from './whmcs-error-message.js';
import { ownWords, type Wording, wording } from './wording.js';

export interface ResponseContext {
  apiUrl: URL;
  authKind: WhmcsAuth['kind'];
  /**
   * Removes secrets from upstream text before any of it is cut short for a message (a cut secret
   * would slip past redaction afterwards). Applied to error material only, never to counts.
   */
  clean?: (text: string) => string;
}

const keep = (text: string) => text;

/**
 * Turns what came back into counts or the error that explains it. The body is read whatever the
 * HTTP status (WHMCS sends its errors on 403 and 200 alike); only `result === "success"` succeeds.
 */
export function interpretResponse(
  response: TransportResponse,
  context: ResponseContext,
): TicketCounts {
  const { status } = response;
  const clean = context.clean ?? keep;
  if (status === 0 || (status >= 300 && status < 400))
    throw redirectError(response, context.apiUrl);

  const json = parseJson(response.body);
  if (json !== NOT_JSON && json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    if (record.result === 'success') return parseSuccess(record, clean);
    const message = typeof record.message === 'string' ? record.message : undefined;
    if (record.result === 'error' || (message !== undefined && record.status === 'error')) {
      throw apiError(message ?? '', response, context);
    }
  }
  // The old format carries the same errors; a failed login in it must stop polling all the same.
  const nvpMessage = json === NOT_JSON ? nvpErrorMessage(response.body) : undefined;
  if (nvpMessage !== undefined) throw apiError(nvpMessage, response, context);
  if (status >= 400) throw httpStatusError(response, context.apiUrl, clean);
  if (json !== NOT_JSON) {
    const record = json as { result?: unknown; message?: unknown; warning?: unknown } | null;
    // Other actions' error shapes carry their text in `message` or `warning`: show it.
    const said = [record?.message, record?.warning].find((text) => typeof text === 'string');
    const quoted =
      said === undefined ? wording`` : wording` but said "${textSnippet(clean(said), 160)}"`;
    throw new UnexpectedResponseError(
      wording`WHMCS answered JSON without result "success" or "error"${quoted}; check that the URL points at WHMCS itself and report this if it does.`,
      'result',
      describeValue(record?.result, clean),
    );
  }
  throw notJsonError(response, clean);
}

const NOT_JSON = Symbol('not json');

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return jsonAmidPhpNoise(body) ?? NOT_JSON;
  }
}

/** The error for a WHMCS error message, whichever format it came in. */
function apiError(
  message: string,
  response: TransportResponse,
  context: ResponseContext,
): WhmcsError {
  const clean = context.clean ?? keep;
  const mapped = errorFromWhmcsMessage(clean(message), context.authKind, response.status);
  // WHMCS itself never answers 429/5xx; an unknown error there is a gateway or WAF speaking, and
  // waiting helps, so it must not stop polling like a WHMCS error would.
  if (mapped instanceof WhmcsApiError && (response.status === 429 || response.status >= 500)) {
    return httpStatusError(response, context.apiUrl, clean);
  }
  return mapped;
}

function redirectError(response: TransportResponse, apiUrl: URL): RedirectError {
  if (response.status === 0) {
    return new RedirectError(
      wording`The server redirected the request, which is never followed because it would drop the POST body; open the WHMCS URL in a browser and use the address it ends up at.`,
      0,
    );
  }
  const location = redirectTarget(response.headers.get('location'), apiUrl);
  const status = ownWords(String(response.status));
  if (location === undefined) {
    return new RedirectError(
      wording`The server redirected the request (HTTP ${status}) without saying where, which is not followed; update the URL to where WHMCS really is.`,
      response.status,
    );
  }
  const shown = location.href;
  if (!API_PATH.test(location.pathname)) {
    // Somewhere that is not WHMCS's API (a login page, a home page): suggesting it as the URL
    // would be wrong.
    const where = LOGIN_PATH.test(location.pathname)
      ? wording`to a login page at ${shown}`
      : wording`elsewhere, to ${shown},`;
    return new RedirectError(
      wording`The server redirected the request (HTTP ${status}) ${where} instead of WHMCS's API; check the WHMCS URL.`,
      response.status,
      shown,
    );
  }
  const why =
    response.status === 307 || response.status === 308
      ? wording`which is not followed automatically`
      : wording`which is not followed because following it would drop the POST body and WHMCS would count a failed login`;
  const base = new URL(location.pathname.replace(API_PATH, '/'), location).href;
  return new RedirectError(
    wording`The server redirected the request (HTTP ${status}) to ${shown}, ${why}; update the URL to ${base}.`,
    response.status,
    shown,
  );
}

const API_PATH = /\/includes\/api\.php\/*$/i;
const LOGIN_PATH = /log-?in|sign-?in|auth|sso|session/i;

/**
 * The absolute target without credentials, query or fragment: those may carry tokens, and the
 * path is all a user needs to see where the request went.
 */
function redirectTarget(raw: string | null, apiUrl: URL): URL | undefined {
  if (!raw) return undefined;
  try {
    const target = new URL(raw, apiUrl);
    target.username = '';
    target.password = '';
    target.search = '';
    target.hash = '';
    return target;
  } catch {
    return undefined;
  }
}

/** nginx's and Apache's own 400 pages for plain HTTP sent to their HTTPS port. */
const PLAIN_HTTP_TO_TLS =
  /plain HTTP request was sent to HTTPS port|speaking plain HTTP to an SSL-enabled server port/i;

function httpStatusError(
  response: TransportResponse,
  apiUrl: URL,
  clean: (text: string) => string,
): HttpStatusError {
  const { status } = response;
  const snippet = textSnippet(clean(response.body));
  const detail = wording`HTTP ${status} ${response.headers.get('content-type') ?? ''}: ${snippet}`;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const options = retryAfterMs === undefined ? { detail } : { detail, retryAfterMs };
  if (status === 401) {
    const basicAuth = response.headers.get('www-authenticate') !== null;
    const message = basicAuth
      ? wording`The web server in front of WHMCS asks for a password (HTTP 401, basic authentication); exempt /includes/api.php from the password protection.`
      : wording`The server refused the request (HTTP 401) without a WHMCS answer; check the URL and any protection in front of WHMCS.`;
    return new HttpStatusError(message, status, basicAuth, options);
  }
  if (status === 429) {
    return new HttpStatusError(rateLimitedMessage(retryAfterMs), status, false, options);
  }
  if (status === 400 && apiUrl.protocol === 'http:' && PLAIN_HTTP_TO_TLS.test(response.body)) {
    const where = `${apiUrl.hostname}:${apiUrl.port || '80'}`;
    return new HttpStatusError(
      wording`The server at ${where} speaks HTTPS on that port and refused plain HTTP (HTTP 400); write the WHMCS URL with https://.`,
      status,
      false,
      options,
    );
  }
  if (pointsElsewhere(status)) {
    const what =
      status === 404
        ? wording`Nothing was found at ${apiUrl.href} (HTTP 404)`
        : wording`The server at ${apiUrl.href} answered HTTP ${status}`;
    return new HttpStatusError(
      wording`${what}, so it is not WHMCS's API; check the WHMCS URL.`,
      status,
      false,
      options,
    );
  }
  if (status >= 500) {
    const when =
      retryAfterMs === undefined
        ? wording`later`
        : wording`in ${ownWords(honouredWait(retryAfterMs))}`;
    return new HttpStatusError(
      wording`The server answered HTTP ${status} instead of WHMCS's JSON; try again ${when}, and check the web server's error log if it persists.`,
      status,
      false,
      options,
    );
  }
  return new HttpStatusError(
    wording`The server answered HTTP ${status} instead of WHMCS's JSON; check the URL and any firewall or proxy in front of WHMCS.`,
    status,
    false,
    options,
  );
}

function rateLimitedMessage(retryAfterMs: number | undefined): Wording {
  if (retryAfterMs === undefined) {
    return wording`The server is limiting requests (HTTP 429); wait a while before trying again, or refresh less often.`;
  }
  const wait = ownWords(honouredWait(retryAfterMs));
  if (retryAfterMs <= MAX_RETRY_AFTER_MS) {
    return wording`The server is limiting requests (HTTP 429); wait ${wait} before trying again, or refresh less often.`;
  }
  // Polling retries within the cap anyway; "wait 99999999 seconds" would read as a dead tool.
  const asked = ownWords(formatDuration(retryAfterMs));
  return wording`The server is limiting requests (HTTP 429) and asks for a wait of ${asked}, longer than is useful; wait ${wait} before trying again, and ask the server's admin to check its rate limit.`;
}

/** The wait the refresh engine actually keeps to: the server's Retry-After, up to its cap. */
function honouredWait(retryAfterMs: number): string {
  return formatDuration(Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

/**
 * Statuses that say the URL leads somewhere else than WHMCS's API (no such page, no POST there,
 * a server that cannot POST at all): waiting will not help. 401/403 (a protection in front of
 * WHMCS), 408 and 429 (waiting helps) are not among them.
 */
function pointsElsewhere(status: number): boolean {
  if (status === 501) return true;
  return status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
}

function notJsonError(response: TransportResponse, clean: (text: string) => string): NotJsonError {
  const contentType = response.headers.get('content-type') ?? '';
  const snippet = textSnippet(clean(response.body));
  const fields = { status: response.status, contentType, snippet };
  const detail = wording`HTTP ${response.status} ${contentType}: ${snippet}`;
  let message: Wording;
  if (/down for maintenance/i.test(snippet)) {
    message = wording`WHMCS is down for maintenance; try again later.`;
  } else if (/install folder|installer|installation/i.test(snippet)) {
    message = wording`WHMCS answered with its installer page instead of the API; finish the installation or delete the install folder on the server.`;
  } else if (PHP_ERROR.test(snippet)) {
    message = wording`WHMCS failed with a PHP error (${phpErrorExcerpt(snippet)}); ask the server's admin to check the PHP error log (after a PHP upgrade, often the ionCube Loader).`;
  } else if (/could not connect to the database/i.test(snippet)) {
    message = wording`WHMCS cannot reach its database (Could not connect to the database); try again later, and ask the server's admin to check the database server if it persists.`;
  } else if (/^result=/.test(response.body.trim())) {
    message = wording`WHMCS answered in its old name=value format instead of JSON, so the responsetype field was lost on the way; check proxies between here and WHMCS.`;
  } else if (!snippet) {
    message = wording`The server answered HTTP ${response.status} with an empty body instead of WHMCS's JSON; check that the URL points at WHMCS.`;
  } else {
    message = wording`The server answered HTTP ${response.status} with ${contentType ? wording`${contentType}` : wording`an unknown content type`} instead of WHMCS's JSON; check that the URL points at WHMCS and that it is not showing an error page.`;
  }
  return new NotJsonError(message, fields, { detail });
}

/** What PHP prints when a script dies (display_errors on), and the ionCube Loader's complaint. */
const PHP_ERROR = /(?:PHP )?(?:Fatal error|Parse error)\b|\bionCube\b/i;
const MAX_EXCERPT = 120;

/** The error from where PHP's own words start, so the user sees PHP's message rather than the page. */
function phpErrorExcerpt(snippet: string): string {
  const start = PHP_ERROR.exec(snippet)?.index ?? 0;
  // Tag stripping leaves `<b>Fatal error</b>:` as `Fatal error :`.
  const from = snippet.slice(/ionCube/i.test(snippet) ? 0 : start).replace(/ :/g, ':');
  return from.length > MAX_EXCERPT ? `${from.slice(0, MAX_EXCERPT - 1)}…` : from;
}
