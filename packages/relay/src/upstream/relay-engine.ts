import {
  createRefreshEngine,
  type RefreshEngine,
  type TicketCounts,
  ticketCountsEqual,
} from '@whmcs-ticket-counts/core';
import { relayBackoff } from './retry-delay.js';

/**
 * Core's engine, set up for the relay: polls every TTL (while the policy has it started) and —
 * unlike the engine's default 5 s backoff — waits at least a TTL before retrying a failure, so
 * "one upstream request per TTL" holds while WHMCS is down too.
 */
export function createRelayEngine(
  load: (signal: AbortSignal) => Promise<TicketCounts>,
  ttlMs: number,
): RefreshEngine<TicketCounts> {
  return createRefreshEngine({
    load,
    intervalMs: ttlMs,
    isEqual: ticketCountsEqual,
    backoff: relayBackoff(ttlMs),
  });
}
