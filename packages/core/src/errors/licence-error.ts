import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** The WHMCS licence blocks the API. */
export class LicenceError extends WhmcsError {
  override readonly name = 'LicenceError';
  override readonly kind = 'licence' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
