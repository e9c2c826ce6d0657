import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** JSON came back, but a field is missing or holds something GetTicketCounts never sends. */
export class UnexpectedResponseError extends WhmcsError {
  override readonly name = 'UnexpectedResponseError';
  override readonly kind = 'unexpected-response' as const;
  /** Path of the field, e.g. `allActive` or `status.open.count`. */
  readonly field: string;
  /** A short rendering of what came, e.g. `-1` or `"abc"` or `missing`. */
  readonly received: string;

  constructor(
    message: string | Wording,
    field: string,
    received: string,
    options?: WhmcsErrorOptions,
  ) {
    super(message, { retryable: false, stopsPolling: true }, options);
    this.field = field;
    this.received = received;
  }
}
