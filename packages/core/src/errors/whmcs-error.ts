import { redact } from '../redact.js';

/** What went wrong, as a stable string a program can switch on. */
export type WhmcsErrorKind =
  | 'configuration'
  | 'authentication'
  | 'ip-not-allowed'
  | 'access-key'
  | 'permission'
  | 'ip-banned'
  | 'action-not-available'
  | 'licence'
  | 'api-error'
  | 'http'
  | 'redirect'
  | 'not-json'
  | 'unexpected-response'
  | 'timeout'
  | 'network';

export interface WhmcsErrorOptions {
  /** More for logs; never shown as the headline. */
  detail?: string;
  retryAfterMs?: number;
}

export interface WhmcsErrorBehaviour {
  /** Backing off and retrying makes sense. */
  retryable: boolean;
  /** Do not retry automatically until the configuration changes (retrying can e.g. get the IP banned). */
  stopsPolling: boolean;
}

/**
 * Every error a user can meet. `message` is one sentence: what happened and what to do. Nothing in
 * it, or in any other string field, may hold a secret: the client redacts centrally.
 */
export abstract class WhmcsError extends Error {
  abstract readonly kind: WhmcsErrorKind;
  readonly detail?: string;
  readonly retryable: boolean;
  readonly stopsPolling: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, behaviour: WhmcsErrorBehaviour, options: WhmcsErrorOptions = {}) {
    super(message);
    this.retryable = behaviour.retryable;
    this.stopsPolling = behaviour.stopsPolling;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** Removes the secrets from the message, the stack and every string field; returns `this`. */
  redactSecrets(secrets: readonly string[]): this {
    const fields = this as unknown as Record<string, unknown>;
    this.message = redact(this.message, secrets);
    if (typeof this.stack === 'string') this.stack = redact(this.stack, secrets);
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = redact(value, secrets);
    }
    return this;
  }

  /** A plain object for logs and JSON, without the stack. */
  toJSON(): Record<string, unknown> {
    return {
      ...(this as unknown as Record<string, unknown>),
      name: this.name,
      message: this.message,
    };
  }
}
