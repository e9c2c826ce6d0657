import { redact } from '@whmcs-ticket-counts/core';

/**
 * Remembers every secret the command has read so that anything printed can be scrubbed of them,
 * in every form a server may echo them in (raw, percent-, form-, JSON- and HTML-encoded).
 */
export class Redactor {
  // Very short values would blank out ordinary words in free text; WHMCS secrets are long anyway.
  static readonly #minimumFreeTextLength = 4;
  readonly #secrets: string[] = [];

  add(secret: string | undefined): void {
    if (secret === undefined || secret === '' || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
  }

  /** Every secret, however short: for core's errors, which redact only text from outside. */
  get secrets(): readonly string[] {
    return [...this.#secrets];
  }

  /** Scrubs free text (a stack trace, a relay log line) of every secret long enough to be one. */
  redact(text: string): string {
    return redact(
      text,
      this.#secrets.filter((secret) => secret.length >= Redactor.#minimumFreeTextLength),
    );
  }
}
