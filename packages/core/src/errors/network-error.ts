import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** The request did not get through: refused, unknown host, reset, TLS failure… */
export class NetworkError extends WhmcsError {
  override readonly name = 'NetworkError';
  override readonly kind = 'network' as const;
  /** Set for certificate problems: what to configure (a CA file), never "disable verification". */
  readonly tlsHint?: string;

  constructor(message: string | Wording, options: WhmcsErrorOptions & { tlsHint?: string } = {}) {
    super(message, { retryable: true, stopsPolling: false }, options);
    if (options.tlsHint !== undefined) this.tlsHint = options.tlsHint;
  }

  // The hint is one of ours, chosen by certificate error code.
  protected override ownWordingFields(): readonly string[] {
    return ['tlsHint'];
  }
}
