import type { WhmcsErrorKind } from './errors/whmcs-error.js';
import type { StatusTicketCount, TicketCount, TicketCounts } from './ticket-counts.js';

/**
 * What `get --json` prints and the relay's `GET /ticket-counts` serves. `countsDisabled` is not
 * sent: disabled counts are `null`.
 */
export interface TicketCountsPayload {
  filteredDepartments: number[];
  allActive: TicketCount;
  awaitingReply: TicketCount;
  flaggedTickets: TicketCount;
  status?: Record<string, StatusTicketCount>;
  /** Added by the relay: when the counts were fetched (ISO time). */
  fetchedAt?: string;
  /** Added by the relay: a later refresh failed, these are the last good counts. */
  stale?: boolean;
  /** Added by the relay when the last refresh failed: a safe message, never an upstream body. */
  error?: { kind: WhmcsErrorKind; message: string };
}

/** The payload fields for some counts (without the relay's additions). */
export function toTicketCountsPayload(counts: TicketCounts): TicketCountsPayload {
  const payload: TicketCountsPayload = {
    filteredDepartments: counts.filteredDepartments,
    allActive: counts.allActive,
    awaitingReply: counts.awaitingReply,
    flaggedTickets: counts.flaggedTickets,
  };
  if (counts.status !== undefined) payload.status = counts.status;
  return payload;
}
