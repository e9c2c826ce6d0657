import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** Something in front of WHMCS (web server, proxy, WAF) answered an HTTP error without WHMCS's JSON. */
export class HttpStatusError extends WhmcsError {
  override readonly name = 'HttpStatusError';
  override readonly kind = 'http' as const;
  readonly status: number;
  /** The server asked for HTTP basic authentication (401 with `WWW-Authenticate`). */
  readonly basicAuth: boolean;

  constructor(
    message: string | Wording,
    status: number,
    basicAuth: boolean,
    options?: WhmcsErrorOptions,
  ) {
    super(
      message,
      { retryable: status >= 500 || status === 429, stopsPolling: status === 401 },
      options,
    );
    this.status = status;
    this.basicAuth = basicAuth;
  }
}
