import { redact } from '../redact.js';
import { Wording } from '../wording.js';

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
  /**
   * More for logs; never shown as the headline. A plain string counts as text from outside and is
   * redacted whole; a `wording` template only in its holes.
   */
  detail?: string | Wording;
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
 *
 * A message given as a plain string counts as text from outside and is redacted whole; one built
 * with the `wording` tag keeps its own words and is redacted only in its holes (see `Wording`).
 */
export abstract class WhmcsError extends Error {
  abstract readonly kind: WhmcsErrorKind;
  readonly detail?: string;
  readonly retryable: boolean;
  readonly stopsPolling: boolean;
  readonly retryAfterMs?: number;
  #message: Wording;
  #detail?: Wording;

  constructor(
    message: string | Wording,
    behaviour: WhmcsErrorBehaviour,
    options: WhmcsErrorOptions = {},
  ) {
    super(String(message));
    this.#message = asWording(message);
    this.retryable = behaviour.retryable;
    this.stopsPolling = behaviour.stopsPolling;
    if (options.detail !== undefined) {
      this.#detail = asWording(options.detail);
      this.detail = String(options.detail);
    }
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * Removes the secrets from the message, the detail, the stack's headline and every string field
   * that came from outside; our own words (and `kind`, `name`) stay as written. Returns `this`.
   */
  redactSecrets(secrets: readonly string[]): this {
    const clean = (text: string) => redact(text, secrets);
    const fields = this as unknown as Record<string, unknown>;
    const before = this.message;
    this.#message = this.#message.mapHoles(clean);
    this.message = String(this.#message);
    if (this.#detail) {
      this.#detail = this.#detail.mapHoles(clean);
      fields.detail = String(this.#detail);
    }
    // V8 writes the stack's headline from the message on first read (maybe just now); the frames
    // are our code.
    const stack = this.stack;
    if (typeof stack === 'string') {
      if (stack.includes(before)) this.stack = stack.replace(before, this.message);
      else if (!stack.includes(this.message)) this.stack = clean(stack);
    }
    const own = new Set(['name', 'kind', 'detail', ...this.ownWordingFields()]);
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (typeof value === 'string' && !own.has(key)) fields[key] = clean(value);
    }
    return this;
  }

  /** String fields a subclass fills with its own words only, so redaction leaves them alone. */
  protected ownWordingFields(): readonly string[] {
    return [];
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

function asWording(text: string | Wording): Wording {
  return text instanceof Wording ? text : Wording.outside(text);
}
