// The one rule for "only this machine can reach it", for callers that warn about exposure.
export { isLoopbackHost } from './http/host-check.js';
export type { RelayErrorInfo, RelayErrorPayload, RelayPayload } from './payload/relay-payload.js';
export type { Relay, RelayOptions } from './relay-options.js';
export {
  DEFAULT_HEARTBEAT_SECONDS,
  DEFAULT_MAX_SUBSCRIBERS,
  DEFAULT_PORT,
  DEFAULT_TTL_SECONDS,
  InvalidRelayOptionsError,
} from './resolve-relay-options.js';
export { RelayListenError, startRelay } from './start-relay.js';
