import { CLIENT_VERSION } from './client-version.js';
import { CONNECTION_FIELD_LABELS, connectionFieldAt } from './configuration-field.js';
import type { TicketCountsRequest, WhmcsAuth, WhmcsConnection } from './connection.js';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { isWhmcsError } from './errors/is-whmcs-error.js';
import type { WhmcsError } from './errors/whmcs-error.js';
import { fetchTransport } from './fetch-transport.js';
import { interpretResponse } from './interpret-response.js';
import { describeNetworkFailure } from './network-failure.js';
import { redact } from './redact.js';
import { RequestAbort } from './request-abort.js';
import { adminPasswordHash, encodeRequestBody, encodeStaticFields } from './request-body.js';
import { resolveWhmcsUrl } from './resolve-whmcs-url.js';
import type { TicketCounts } from './ticket-counts.js';
import type { Transport } from './transport.js';
import { whmcsConnectionSchema } from './whmcs-connection-schema.js';
import { ownWords, wording } from './wording.js';

export interface TicketCountsClientOptions {
  connection: WhmcsConnection;
  /** Default: `fetchTransport(globalThis.fetch)`. In Node prefer `createNodeTransport()` from `core/node`. */
  transport?: Transport;
  /** The whole request, connect to last byte; default 15000. */
  timeoutMs?: number;
}

export interface TicketCountsClient {
  readonly apiUrl: URL;
  /** Plain http: the credential crosses the network readable. */
  readonly insecure: boolean;
  /**
   * One GetTicketCounts call. Rejects with a WhmcsError (redacted) — or, when the caller's
   * signal aborts, with the signal's reason.
   */
  getTicketCounts(
    request?: TicketCountsRequest,
    options?: { signal?: AbortSignal },
  ): Promise<TicketCounts>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function createTicketCountsClient(options: TicketCountsClientOptions): TicketCountsClient {
  const connection = validateConnection(options.connection);
  const { apiUrl, insecure } = resolveWhmcsUrl(connection.url, {
    adminFolder: connection.adminFolder,
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidConfigurationError(
      wording`The timeout must be a positive number of milliseconds; set it to something like 15000.`,
      { field: 'timeout' },
    );
  }
  const transport = options.transport ?? defaultTransport();
  const secrets = secretsOf(connection.auth, connection.accessKey);
  const staticFields = encodeStaticFields(connection.auth, connection.accessKey);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    'user-agent': `whmcs-ticket-counts/${CLIENT_VERSION}`,
  };
  const context = {
    apiUrl,
    authKind: connection.auth.kind,
    clean: (text: string) => redact(text, secrets),
  };

  async function getTicketCounts(
    request: TicketCountsRequest = {},
    callOptions: { signal?: AbortSignal } = {},
  ): Promise<TicketCounts> {
    checkFlags(request);
    const callerSignal = callOptions.signal;
    callerSignal?.throwIfAborted();
    const abort = new RequestAbort();
    // Settles the call when it is aborted even if a transport ignores the abort.
    let stop: (reason: unknown) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    stopped.catch(() => {});
    const abortFromCaller = () => {
      abort.abort(callerSignal?.reason);
      stop(callerSignal?.reason);
    };
    callerSignal?.addEventListener('abort', abortFromCaller, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
      stop(new Error('timed out'));
    }, timeoutMs);
    try {
      const response = await Promise.race([
        transport(
          abort.transportRequest({
            url: apiUrl,
            body: encodeRequestBody(staticFields, request),
            headers,
            timeoutMs,
          }),
        ),
        stopped,
      ]);
      // Counts are never redacted (a short password could equal a count or a title); error
      // material is, by `clean`, before anything is cut out of it.
      return interpretResponse(response, context);
    } catch (error) {
      if (callerSignal?.aborted && !timedOut) throw callerSignal.reason;
      throw toRedactedError(error, timedOut, secrets, apiUrl, timeoutMs);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', abortFromCaller);
    }
  }

  return { apiUrl, insecure, getTicketCounts };
}

function toRedactedError(
  error: unknown,
  timedOut: boolean,
  secrets: readonly string[],
  url: URL,
  timeoutMs: number,
): WhmcsError {
  const whmcsError = isWhmcsError(error)
    ? error
    : describeNetworkFailure(timedOut ? timeoutMarker(error) : error, { url, timeoutMs });
  return whmcsError.redactSecrets(secrets);
}

// Our own abort surfaces as an AbortError; tag it so it is reported as the timeout it was.
function timeoutMarker(cause: unknown): Error {
  const marker = new Error('request timed out', { cause });
  marker.name = 'TimeoutError';
  return marker;
}

function defaultTransport(): Transport {
  if (typeof globalThis.fetch !== 'function') {
    throw new InvalidConfigurationError(
      wording`This runtime has no fetch; pass a transport, such as createNodeTransport() from @whmcs-ticket-counts/core/node.`,
      { field: 'transport' },
    );
  }
  return fetchTransport(globalThis.fetch);
}

/** Everything that must never show up in a message: secret, password, its hash, access key. */
function secretsOf(auth: WhmcsAuth, accessKey?: string): string[] {
  const secrets =
    auth.kind === 'api-credential'
      ? [auth.secret]
      : [
          auth.password,
          adminPasswordHash(auth.password),
          adminPasswordHash(auth.password).toUpperCase(),
        ];
  if (accessKey) secrets.push(accessKey);
  return secrets;
}

function validateConnection(connection: WhmcsConnection): WhmcsConnection {
  const parsed = whmcsConnectionSchema.safeParse(connection);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = connectionFieldAt(issue?.path ?? []);
  // Our schema's messages name the field but never echo its value (it may be a secret).
  const reason = issue?.message ?? 'something is missing';
  if (field === undefined) {
    throw new InvalidConfigurationError(
      wording`The WHMCS connection is not usable (${ownWords(reason)}); give the WHMCS URL and the credentials.`,
    );
  }
  const label = CONNECTION_FIELD_LABELS[field];
  const message =
    field === 'auth'
      ? wording`The login method is not usable; ${ownWords(reason)}.`
      : reason.startsWith(`the ${label} `)
        ? wording`${ownWords(`The${reason.slice(3)}`)}; fix the ${ownWords(label)}.`
        : wording`The ${ownWords(label)} is not usable (${ownWords(reason)}); fix the ${ownWords(label)}.`;
  throw new InvalidConfigurationError(message, { field });
}

function checkFlags(request: TicketCountsRequest): void {
  for (const flag of ['ignoreDepartmentAssignments', 'includeCountsByStatus'] as const) {
    const value = request[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new InvalidConfigurationError(
        wording`The option ${ownWords(flag)} must be true or false; pass a boolean, not ${ownWords(typeof value)}.`,
        { field: flag },
      );
    }
  }
}
