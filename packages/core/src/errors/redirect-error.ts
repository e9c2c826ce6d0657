import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/**
 * The server redirected. We never follow: a 301/302/303 turns the POST into a bodiless GET, which
 * WHMCS counts as a failed login.
 */
export class RedirectError extends WhmcsError {
  override readonly name = 'RedirectError';
  override readonly kind = 'redirect' as const;
  /** 0 when a browser hid the redirect (opaque response). */
  readonly status: number;
  /** Absolute target, when known. */
  readonly location?: string;

  constructor(
    message: string | Wording,
    status: number,
    location?: string,
    options?: WhmcsErrorOptions,
  ) {
    super(message, { retryable: false, stopsPolling: true }, options);
    this.status = status;
    if (location !== undefined) this.location = location;
  }
}
