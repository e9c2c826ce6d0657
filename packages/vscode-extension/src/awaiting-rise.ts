import type { TicketCounts } from '@whmcs-ticket-counts/core';

export interface AwaitingRiseOptions {
  minimumIntervalMs: number;
  now?: () => number;
}

/**
 * Decides when "N new tickets awaiting reply" is worth a notification: only on a rise between two
 * good values, and at most once per connection per interval so it never nags.
 */
export class AwaitingRiseDetector {
  readonly #minimumIntervalMs: number;
  readonly #now: () => number;
  readonly #lastNotifiedAt = new Map<string, number>();

  constructor(options: AwaitingRiseOptions) {
    this.#minimumIntervalMs = options.minimumIntervalMs;
    this.#now = options.now ?? Date.now;
  }

  /** The rise to announce, or undefined. */
  check(
    connectionId: string,
    previous: TicketCounts | undefined,
    next: TicketCounts | undefined,
  ): number | undefined {
    const from = previous?.awaitingReply;
    const to = next?.awaitingReply;
    if (typeof from !== 'number' || typeof to !== 'number' || to <= from) return undefined;
    const now = this.#now();
    const last = this.#lastNotifiedAt.get(connectionId);
    if (last !== undefined && now - last < this.#minimumIntervalMs) return undefined;
    this.#lastNotifiedAt.set(connectionId, now);
    return to - from;
  }
}
