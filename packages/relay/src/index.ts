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
