import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** WHMCS answered `result: "error"` with a message we have no better class for. */
export class WhmcsApiError extends WhmcsError {
  override readonly name = 'WhmcsApiError';
  override readonly kind = 'api-error' as const;
  /** WHMCS's own message (redacted). */
  readonly serverMessage: string;

  constructor(message: string | Wording, serverMessage: string, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
    this.serverMessage = serverMessage;
  }
}
