import * as vscode from 'vscode';

/**
 * The extension's one log: a LogOutputChannel ("WHMCS Ticket Counts") whose lines pass through
 * redaction of every secret the extension knows, in raw and URL-encoded form.
 */
export class Log implements vscode.Disposable {
  readonly #channel: vscode.LogOutputChannel;
  readonly #secrets = new Set<string>();

  constructor() {
    this.#channel = vscode.window.createOutputChannel('WHMCS Ticket Counts', { log: true });
  }

  /** Remembers a secret so no later line can contain it. */
  addSecret(secret: string | undefined): void {
    if (secret) this.#secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    // Longest first so a secret containing another is replaced whole.
    const forms = [...this.#secrets]
      .flatMap((secret) => [
        secret,
        encodeURIComponent(secret),
        encodeURIComponent(secret).replace(/%20/g, '+'),
      ])
      .sort((a, b) => b.length - a.length);
    for (const form of forms) result = result.split(form).join('[redacted]');
    return result;
  }

  info(message: string): void {
    this.#channel.info(this.redact(message));
  }

  warn(message: string): void {
    this.#channel.warn(this.redact(message));
  }

  error(message: string): void {
    this.#channel.error(this.redact(message));
  }

  show(): void {
    this.#channel.show(true);
  }

  dispose(): void {
    this.#channel.dispose();
  }
}
