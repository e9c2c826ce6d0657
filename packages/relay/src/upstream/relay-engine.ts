import {
  createRefreshEngine,
  type RefreshEngine,
  type TicketCounts,
  ticketCountsEqual,
} from '@whmcs-ticket-counts/core';

/** Upper bound for the pause between retries while WHMCS keeps failing. */
const MAX_RETRY_DELAY_MS = 10 * 60_000;

/**
 * Core's engine, set up for the relay: polls every TTL (while the policy has it started) and —
 * unlike the engine's default 5 s backoff — waits at least a TTL before retrying a failure, so
 * "one upstream request per TTL" holds while WHMCS is down too. No jitter: there is one relay.
 */
export function createRelayEngine(
  load: (signal: AbortSignal) => Promise<TicketCounts>,
  ttlMs: number,
): RefreshEngine<TicketCounts> {
  return createRefreshEngine({
    load,
    intervalMs: ttlMs,
    isEqual: ticketCountsEqual,
    backoff: { initialMs: ttlMs, maxMs: Math.max(ttlMs, MAX_RETRY_DELAY_MS), jitter: 0 },
  });
}
