import type { RefreshEngine, TicketCounts } from '@whmcs-ticket-counts/core';
import type { BearerTokenCheck } from './http/bearer-token.js';
import type { CorsPolicy } from './http/cors-policy.js';
import type { CountsView } from './payload/counts-view.js';
import type { Representation } from './payload/representation.js';
import type { ResolvedRelayOptions } from './resolve-relay-options.js';
import type { SseHub } from './sse/sse-hub.js';
import type { ThrottledLog } from './sse/throttled-log.js';
import type { UpstreamPolicy } from './upstream/upstream-policy.js';

/** Everything the routes share, built once by startRelay. */
export interface RelayContext {
  readonly options: ResolvedRelayOptions;
  /** `host:port` the relay listens on, as a Host header would name it. */
  readonly listenHost: string;
  readonly engine: RefreshEngine<TicketCounts>;
  readonly policy: UpstreamPolicy;
  readonly view: CountsView;
  readonly hub: SseHub;
  /** Refused viewers, logged at most every few seconds. */
  readonly refusalLog: ThrottledLog;
  /** Requests refused for their Host or Origin, each kind logged at most every few seconds. */
  readonly hostRefusalLog: ThrottledLog;
  readonly originRefusalLog: ThrottledLog;
  readonly cors: CorsPolicy;
  readonly token: BearerTokenCheck | undefined;
  readonly elementScript: Representation | undefined;
  readonly demoPage: (Representation & { contentSecurityPolicy: string }) | undefined;
}
