import type { ConfigurationField } from '../configuration-field.js';
import type { Wording } from '../wording.js';
import { WhmcsError, type WhmcsErrorOptions } from './whmcs-error.js';

/** The settings cannot work (bad URL, missing credential, bad access key…): fix them first. */
export class InvalidConfigurationError extends WhmcsError {
  override readonly name = 'InvalidConfigurationError';
  override readonly kind = 'configuration' as const;
  /** What to fix, for a front end that names its own option (flag, setting) for it. */
  readonly field?: ConfigurationField;

  constructor(
    message: string | Wording,
    options: WhmcsErrorOptions & { field?: ConfigurationField } = {},
  ) {
    super(message, { retryable: false, stopsPolling: true }, options);
    if (options.field !== undefined) this.field = options.field;
  }

  // The field is one of ours, never text from outside.
  protected override ownWordingFields(): readonly string[] {
    return ['field'];
  }
}
