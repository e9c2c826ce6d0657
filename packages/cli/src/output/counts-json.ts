import type { TicketCounts } from '@whmcs-ticket-counts/core';

/**
 * `get --json`: exactly the API's own fields (and the relay payload's shape), counts as numbers or
 * `null` when the server switched them off. Titles stay as the server sent them (possibly
 * HTML-entity-encoded), since JSON consumers decide how to display them.
 */
export function formatCountsJson(
  counts: TicketCounts,
  options: { includeStatus: boolean; pretty: boolean },
): string {
  const payload: Record<string, unknown> = {
    filteredDepartments: [...counts.filteredDepartments],
    allActive: counts.allActive,
    awaitingReply: counts.awaitingReply,
    flaggedTickets: counts.flaggedTickets,
  };
  if (options.includeStatus && counts.status !== undefined) {
    payload.status = Object.fromEntries(
      Object.entries(counts.status).map(([key, { title, count }]) => [key, { title, count }]),
    );
  }
  return `${JSON.stringify(payload, null, options.pretty ? 2 : undefined)}\n`;
}
