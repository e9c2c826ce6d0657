import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** This WHMCS does not know GetTicketCounts (Command Not Found / API Function Not Found). */
export class ActionNotAvailableError extends WhmcsError {
  override readonly name = 'ActionNotAvailableError';
  override readonly kind = 'action-not-available' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
