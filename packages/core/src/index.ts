export { type AdminTicketLinks, adminTicketLinks } from './admin-ticket-links.js';
export { CLIENT_VERSION } from './client-version.js';
export type { ConfigurationField } from './configuration-field.js';
export type { TicketCountsRequest, WhmcsAuth, WhmcsConnection } from './connection.js';
export { decodeHtmlEntities } from './decode-html-entities.js';
export { AccessKeyError } from './errors/access-key-error.js';
export { ActionNotAvailableError } from './errors/action-not-available-error.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { HttpStatusError } from './errors/http-status-error.js';
export { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
export { IpBannedError } from './errors/ip-banned-error.js';
export { IpNotAllowedError } from './errors/ip-not-allowed-error.js';
export { isWhmcsError } from './errors/is-whmcs-error.js';
export { LicenceError } from './errors/licence-error.js';
export { NetworkError } from './errors/network-error.js';
export { NotJsonError } from './errors/not-json-error.js';
export { PermissionError } from './errors/permission-error.js';
export { RedirectError } from './errors/redirect-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { toWhmcsError } from './errors/to-whmcs-error.js';
export { UnexpectedResponseError } from './errors/unexpected-response-error.js';
export { WhmcsApiError } from './errors/whmcs-api-error.js';
export {
  WhmcsError,
  type WhmcsErrorBehaviour,
  type WhmcsErrorKind,
  type WhmcsErrorOptions,
} from './errors/whmcs-error.js';
export { fetchTransport } from './fetch-transport.js';
export { formatSeconds } from './format-seconds.js';
export { isMd5Hex, md5Hex } from './md5.js';
export { redact } from './redact.js';
export {
  type BackoffOptions,
  backoffDelayMs,
  InvalidBackoffOptionsError,
  MAX_RETRY_AFTER_MS,
  MAX_TIMER_DELAY_MS,
} from './refresh/backoff.js';
export {
  createRefreshEngine,
  InvalidRefreshIntervalError,
  type RefreshEngine,
  type RefreshEngineOptions,
  type RefreshListener,
  type RefreshLoader,
} from './refresh/refresh-engine.js';
export type { RefreshState } from './refresh/refresh-state.js';
export { ticketCountsEqual } from './refresh/ticket-counts-equal.js';
export { type ResolvedWhmcsUrl, resolveWhmcsUrl } from './resolve-whmcs-url.js';
export {
  describeTicketCountChange,
  diffTicketCounts,
  type TicketCountChange,
  type TicketCountField,
} from './ticket-count-changes.js';
export type { StatusTicketCount, TicketCount, TicketCounts } from './ticket-counts.js';
export {
  createTicketCountsClient,
  type TicketCountsClient,
  type TicketCountsClientOptions,
} from './ticket-counts-client.js';
export { type TicketCountsPayload, toTicketCountsPayload } from './ticket-counts-payload.js';
export { ticketCountsRequestSchema } from './ticket-counts-request-schema.js';
export { parseTicketCountsResponse, ticketCountsResponseSchema } from './ticket-counts-response.js';
export type { Transport, TransportRequest, TransportResponse } from './transport.js';
export { whmcsAuthSchema, whmcsConnectionSchema } from './whmcs-connection-schema.js';
export { ownWords, Wording, wording } from './wording.js';
