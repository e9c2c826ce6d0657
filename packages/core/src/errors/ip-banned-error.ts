import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** WHMCS banned the caller's IP after failed logins; every retry prolongs the lock-out. */
export class IpBannedError extends WhmcsError {
  override readonly name = 'IpBannedError';
  override readonly kind = 'ip-banned' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
