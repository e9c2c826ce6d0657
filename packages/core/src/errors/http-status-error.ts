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
    super(message, { retryable: isRetryableStatus(status), stopsPolling: status === 401 }, options);
    this.status = status;
    this.basicAuth = basicAuth;
  }
}

// 501 Not Implemented means the server cannot POST there at all; every other 5xx may pass.
function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}
