/**
 * WHMCS's failed-login protection: `maxFailures` failed logins from one IP within `windowMs` ban
 * that IP for `durationMs`. A ban starts the count afresh once it expires.
 */
export class BanTracker {
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #durationMs: number;
  readonly #now: () => number;
  readonly #failures = new Map<string, number[]>();
  readonly #bannedUntil = new Map<string, number>();

  constructor(options: {
    maxFailures?: number;
    windowMs?: number;
    durationMs?: number;
    now: () => number;
  }) {
    this.#maxFailures = options.maxFailures ?? 3;
    this.#windowMs = options.windowMs ?? 30 * 60_000;
    this.#durationMs = options.durationMs ?? 15 * 60_000;
    this.#now = options.now;
  }

  isBanned(ip: string): boolean {
    const until = this.#bannedUntil.get(ip);
    if (until === undefined) return false;
    if (this.#now() < until) return true;
    this.#bannedUntil.delete(ip);
    return false;
  }

  recordFailure(ip: string): void {
    const recent = this.#recentFailures(ip);
    recent.push(this.#now());
    if (recent.length >= this.#maxFailures) {
      this.#bannedUntil.set(ip, this.#now() + this.#durationMs);
      this.#failures.delete(ip);
    } else {
      this.#failures.set(ip, recent);
    }
  }

  failedLogins(ip?: string): number {
    if (ip !== undefined) return this.#recentFailures(ip).length;
    let total = 0;
    for (const key of this.#failures.keys()) total += this.#recentFailures(key).length;
    return total;
  }

  clear(): void {
    this.#failures.clear();
    this.#bannedUntil.clear();
  }

  #recentFailures(ip: string): number[] {
    const since = this.#now() - this.#windowMs;
    return (this.#failures.get(ip) ?? []).filter((at) => at > since);
  }
}
