import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** WHMCS rejected the access key (it must equal `$api_access_key` in configuration.php). */
export class AccessKeyError extends WhmcsError {
  override readonly name = 'AccessKeyError';
  override readonly kind = 'access-key' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
