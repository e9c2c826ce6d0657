import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** The settings cannot work (bad URL, missing credential, bad access key…): fix them first. */
export class InvalidConfigurationError extends WhmcsError {
  override readonly name = 'InvalidConfigurationError';
  override readonly kind = 'configuration' as const;

  constructor(message: string | Wording, options?: WhmcsErrorOptions) {
    super(message, { retryable: false, stopsPolling: true }, options);
  }
}
