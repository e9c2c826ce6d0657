/**
 * Remembers every secret the command has read so that anything printed (debug details, stack
 * traces) can be scrubbed of them, in raw and URL-encoded form.
 */
export class Redactor {
  static readonly #placeholder = '[redacted]';
  readonly #secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would blank out ordinary words; WHMCS secrets are long anyway.
    if (secret === undefined || secret.length < 4) return;
    this.#secrets.add(secret);
    this.#secrets.add(encodeURIComponent(secret));
    this.#secrets.add(new URLSearchParams({ s: secret }).toString().slice(2));
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so an encoded form is not half-replaced by a shorter raw one.
    const secrets = [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const secret of secrets) result = result.split(secret).join(Redactor.#placeholder);
    return result;
  }
}
