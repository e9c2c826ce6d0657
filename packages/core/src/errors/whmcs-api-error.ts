import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorBehaviour, type WhmcsErrorOptions } from './whmcs-error.js';

/** WHMCS answered `result: "error"` with a message we have no better class for. */
export class WhmcsApiError extends WhmcsError {
  override readonly name = 'WhmcsApiError';
  override readonly kind = 'api-error' as const;
  /** WHMCS's own message (redacted). */
  readonly serverMessage: string;

  /** Stops polling unless told otherwise: what we cannot name could be a login WHMCS counts. */
  constructor(
    message: string | Wording,
    serverMessage: string,
    options?: WhmcsErrorOptions,
    behaviour: WhmcsErrorBehaviour = { retryable: false, stopsPolling: true },
  ) {
    super(message, behaviour, options);
    this.serverMessage = serverMessage;
  }
}
