import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** The caller's IP is not in WHMCS's API IP allow-list. */
export class IpNotAllowedError extends WhmcsError {
  override readonly name = 'IpNotAllowedError';
  override readonly kind = 'ip-not-allowed' as const;
  /** The address WHMCS saw (v4 or v6): what the admin must allow. */
  readonly ip: string;

  constructor(message: string | Wording, ip: string, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
    this.ip = ip;
  }
}
