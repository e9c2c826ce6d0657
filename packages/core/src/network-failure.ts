import { errorCodes, innermostMessage } from './error-codes.js';
import { NetworkError } from './errors/network-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import type { WhmcsError } from './errors/whmcs-error.js';
import { formatSeconds } from './format-seconds.js';
import { ownWords, type Wording, wording } from './wording.js';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
]);

const CA_HINT =
  'if the server uses a private or self-signed certificate, configure its CA file — never disable certificate verification';

/** Certificate problems and what to tell the user about each. */
const TLS_HINTS: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: CA_HINT,
  DEPTH_ZERO_SELF_SIGNED_CERT: CA_HINT,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: CA_HINT,
  UNABLE_TO_GET_ISSUER_CERT: CA_HINT,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: CA_HINT,
  CERT_UNTRUSTED: CA_HINT,
  CERT_HAS_EXPIRED: 'the certificate has expired: the server admin must renew it',
  CERT_NOT_YET_VALID:
    "the certificate is not valid yet: check the server's and this machine's clocks",
  ERR_TLS_CERT_ALTNAME_INVALID:
    'the certificate was issued for another host name: use the host name it was issued for',
};

export interface NetworkFailureContext {
  url?: URL;
  timeoutMs?: number;
}

/** Turns a transport failure (Node, undici or browser) into a TimeoutError or NetworkError. */
export function describeNetworkFailure(
  error: unknown,
  context: NetworkFailureContext = {},
): WhmcsError {
  const codes = errorCodes(error);
  const detail = [codes.join(','), innermostMessage(error)].filter(Boolean).join(': ');
  const where = context.url ? wording`${hostAndPort(context.url)}` : wording`the server`;
  // DNS knows names, not ports: its messages name the host alone.
  const host = context.url ? wording`${context.url.hostname}` : wording`of the server`;

  const timeoutCode = codes.find((code) => TIMEOUT_CODES.has(code));
  if (timeoutCode || isTimeoutName(error)) {
    const within = context.timeoutMs
      ? wording` within ${ownWords(formatSeconds(context.timeoutMs))}`
      : wording` in time`;
    const what =
      timeoutCode === 'UND_ERR_CONNECT_TIMEOUT'
        ? wording`Could not connect to`
        : wording`No answer from`;
    return new TimeoutError(
      wording`${what} ${where}${within}; check that WHMCS is up and reachable, or allow a longer timeout.`,
      { detail },
    );
  }

  const tlsCode = codes.find((code) => code in TLS_HINTS);
  if (tlsCode) {
    const tlsHint = TLS_HINTS[tlsCode] as string;
    return new NetworkError(
      wording`The TLS certificate of ${where} could not be verified (${ownWords(tlsCode)}); ${ownWords(tlsHint)}.`,
      { detail, tlsHint },
    );
  }

  // undici's tunnel through HTTP(S)_PROXY fails with this text when the proxy says no.
  const proxyStatus = /Proxy response \((\d{3})\)/.exec(innermostMessage(error))?.[1];
  if (proxyStatus) {
    const credentials = proxyStatus === '407' ? wording` (and the credentials in it)` : wording``;
    return new NetworkError(
      wording`The proxy refused to connect to ${where} (HTTP ${proxyStatus}); check HTTPS_PROXY/HTTP_PROXY${credentials}, or add the host to NO_PROXY.`,
      { detail },
    );
  }

  const code = codes.find((candidate) => candidate in NETWORK_MESSAGES);
  // A TLS listener that gets plain HTTP just hangs up (nginx and Apache answer 400 instead, see
  // interpret-response). On a port of its own, that is the likelier cause.
  if (code === 'UND_ERR_SOCKET' && context.url?.protocol === 'http:' && context.url.port) {
    return new NetworkError(
      wording`The connection to ${where} closed before WHMCS answered; if that port serves HTTPS, write the WHMCS URL with https://, otherwise try again and check proxies or firewalls if it keeps happening.`,
      { detail },
    );
  }
  if (code) {
    return new NetworkError((NETWORK_MESSAGES[code] as NetworkMessage)(where, host), {
      detail,
    });
  }
  const shownCode = codes[0] ? wording` (${codes[0]})` : wording``;
  return new NetworkError(
    wording`Could not reach ${where}${shownCode}; check the WHMCS URL and the network connection.`,
    { detail },
  );
}

type NetworkMessage = (where: Wording, host: Wording) => Wording;

const NETWORK_MESSAGES: Record<string, NetworkMessage> = {
  ECONNREFUSED: (where) =>
    wording`Nothing answered at ${where} (connection refused); check the WHMCS URL and that the server is running.`,
  ENOTFOUND: (_where, host) =>
    wording`The host name ${host} could not be found (ENOTFOUND); check the WHMCS URL for typos and the DNS settings.`,
  EAI_AGAIN: (_where, host) =>
    wording`The host name ${host} could not be looked up right now (EAI_AGAIN); check the DNS and network connection, then try again.`,
  ECONNRESET: (where) =>
    wording`The connection to ${where} was reset (ECONNRESET); try again, and check proxies or firewalls if it keeps happening.`,
  UND_ERR_SOCKET: (where) =>
    wording`The connection to ${where} closed before WHMCS answered; try again, and check proxies or firewalls if it keeps happening.`,
  EHOSTUNREACH: (where) =>
    wording`The host ${where} is unreachable (EHOSTUNREACH); check the network connection and the WHMCS URL.`,
  ENETUNREACH: (where) =>
    wording`The network to ${where} is unreachable (ENETUNREACH); check the network connection.`,
  ERR_SSL_WRONG_VERSION_NUMBER: (where) =>
    wording`${where} does not speak TLS (wrong version number); use http:// for that port or the HTTPS port.`,
  WTC_RESPONSE_TOO_LARGE: (where) =>
    wording`${where} sent megabytes instead of WHMCS's small JSON answer; check that the URL points at WHMCS.`,
  WTC_BAD_CONTENT_ENCODING: (where) =>
    wording`${where} sent a compressed answer that could not be decoded; check the compression settings of the web server or proxy in front of WHMCS.`,
  UND_ERR_DESTROYED: () =>
    wording`The HTTP transport was already closed; create a new transport (and client) before fetching again.`,
  UND_ERR_CLOSED: () =>
    wording`The HTTP transport was already closed; create a new transport (and client) before fetching again.`,
  EPROTO: (where) =>
    wording`The TLS handshake with ${where} failed (EPROTO); check that the URL uses the right scheme and port.`,
};

function isTimeoutName(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError' && !('kind' in error);
}

function hostAndPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}
