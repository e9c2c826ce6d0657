import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** A 2xx answer that is not JSON: a maintenance page, the installer, a proxy's page, the old NVP format. */
export class NotJsonError extends WhmcsError {
  override readonly name = 'NotJsonError';
  override readonly kind = 'not-json' as const;
  readonly status: number;
  readonly contentType: string;
  /** The first ~200 characters, tags stripped and whitespace collapsed (redacted). */
  readonly snippet: string;

  constructor(
    message: string | Wording,
    fields: { status: number; contentType: string; snippet: string },
    options?: WhmcsErrorOptions,
  ) {
    super(message, { retryable: true, stopsPolling: false }, options);
    this.status = fields.status;
    this.contentType = fields.contentType;
    this.snippet = fields.snippet;
  }
}
