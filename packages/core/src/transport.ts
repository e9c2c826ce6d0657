/** What the client hands a transport. */
export interface TransportRequest {
  url: URL;
  /** `application/x-www-form-urlencoded`. */
  body: string;
  headers: Record<string, string>;
  /** Aborts the whole request (timeout or caller). */
  signal: AbortSignal;
  /** The whole-request budget, for transports with their own timers. */
  timeoutMs: number;
}

export interface TransportResponse {
  /** 0 when a browser hid a redirect (opaque response). */
  status: number;
  headers: { get(name: string): string | null };
  body: string;
}

/** POST a form body, never follow redirects, return status, headers and text. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;
