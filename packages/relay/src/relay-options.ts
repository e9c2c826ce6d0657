import type { RefreshEngine, TicketCounts } from '@whmcs-ticket-counts/core';

/** What `startRelay` accepts; see the package README for every option's meaning. */
export interface RelayOptions {
  /** Loads the counts from WHMCS, usually `client.getTicketCounts` bound to a request. */
  load: (signal: AbortSignal) => Promise<TicketCounts>;
  /** Default `'127.0.0.1'`. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 60: WHMCS gets at most one request per TTL, however many viewers there are. */
  ttlSeconds?: number;
  /** Origins (exactly `scheme://host[:port]`) that may read the counts cross-origin; default none. */
  allowOrigins?: string[];
  /** Viewers must send `Authorization: Bearer <token>` (or `?token=` on the events route). */
  token?: string;
  /** Concurrent SSE viewers; default 100. */
  maxSubscribers?: number;
  /** Seconds between SSE heartbeat comments; default 25. */
  heartbeatSeconds?: number;
  /** The `<ticket-counts>` bundle, served at `/ticket-counts.js`. */
  elementScript?: { path: string } | { source: string };
  /** Serve the demo page at `/`; default true. */
  demoPage?: boolean;
  /**
   * Addition to the contract: the WHMCS base URL the demo page hands to the element as
   * `admin-url` so its counts link to the ticket lists. Configuration, not upstream data. Without
   * it (or with a `token`) the demo page shows no WHMCS address at all.
   */
  demoAdminUrl?: string;
  /**
   * Addition to the contract: WHMCS's admin folder if it was renamed (default `admin`), for the
   * demo page's links. Letters, digits, `-` and `_` only, as for core's admin links.
   */
  adminFolder?: string;
  /**
   * Addition to the contract: the WHMCS base URL. Error messages viewers see say "WHMCS" instead
   * of its address (host, host:port, URLs on it); the log keeps the address. Defaults to
   * `demoAdminUrl`. Credentials in it are ignored here; pass them in `redact`.
   */
  upstreamUrl?: string;
  /**
   * Addition to the contract: strings (e.g. the WHMCS secret, the URL's password) that must
   * never appear in a response or log line even if an error message carried them.
   */
  redact?: string[];
  /** One line per event (upstream refresh, subscriber count, start/close); never a secret. */
  log?: (line: string) => void;
}

export interface Relay {
  /** `http://host:port` the relay listens on. */
  readonly url: string;
  readonly engine: RefreshEngine<TicketCounts>;
  /** Ends SSE streams, stops the engine and closes the server; safe to call twice. */
  close(): Promise<void>;
}
