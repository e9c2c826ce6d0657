import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** No (complete) answer within the time allowed. */
export class TimeoutError extends WhmcsError {
  override readonly name = 'TimeoutError';
  override readonly kind = 'timeout' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: true, stopsPolling: false }, options);
  }
}
