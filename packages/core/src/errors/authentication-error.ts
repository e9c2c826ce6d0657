import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** WHMCS rejected the credentials. Retrying counts toward an IP ban, so polling stops. */
export class AuthenticationError extends WhmcsError {
  override readonly name = 'AuthenticationError';
  override readonly kind = 'authentication' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
