import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** The credential may not call GetTicketCounts (API role) or the admin may not use the API. */
export class PermissionError extends WhmcsError {
  override readonly name = 'PermissionError';
  override readonly kind = 'permission' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
