/**
 * Logs a repeating event at most once per `intervalMs`, with how many were folded in, so
 * someone hammering a refusal cannot flood the log.
 */
export class ThrottledLog {
  readonly #log: (line: string) => void;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #lastAt: number | undefined;
  #suppressed = 0;

  constructor(log: (line: string) => void, intervalMs: number, now: () => number = Date.now) {
    this.#log = log;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  write(line: string): void {
    const now = this.#now();
    if (this.#lastAt !== undefined && now - this.#lastAt < this.#intervalMs) {
      this.#suppressed += 1;
      return;
    }
    const folded =
      this.#suppressed > 0 ? ` (and ${this.#suppressed} more since the last report)` : '';
    this.#lastAt = now;
    this.#suppressed = 0;
    this.#log(`${line}${folded}`);
  }
}
