import type { TicketCount, TicketCounts } from '@whmcs-ticket-counts/core';
import { decodeTitle } from './decode-title.js';

function add(a: TicketCount, b: TicketCount): TicketCount {
  if (a === null) return b;
  if (b === null) return a;
  return a + b;
}

/**
 * Adds up several installations for a status bar that shows their sum. Statuses are matched by
 * decoded title, because keys are derived from titles and mean nothing across installations.
 * Departments are not comparable across installations, so the sum claims none.
 */
export function sumTicketCounts(list: readonly TicketCounts[]): TicketCounts | undefined {
  const [first, ...rest] = list;
  if (!first) return undefined;
  if (rest.length === 0) return first;
  let allActive: TicketCount = null;
  let awaitingReply: TicketCount = null;
  let flaggedTickets: TicketCount = null;
  const status: Record<string, { title: string; count: TicketCount }> = {};
  for (const counts of list) {
    allActive = add(allActive, counts.allActive);
    awaitingReply = add(awaitingReply, counts.awaitingReply);
    flaggedTickets = add(flaggedTickets, counts.flaggedTickets);
    for (const entry of Object.values(counts.status ?? {})) {
      const title = decodeTitle(entry.title);
      const previous = status[title];
      status[title] = { title, count: previous ? add(previous.count, entry.count) : entry.count };
    }
  }
  return {
    filteredDepartments: [],
    allActive,
    awaitingReply,
    flaggedTickets,
    countsDisabled: list.every((counts) => counts.countsDisabled),
    ...(Object.keys(status).length > 0 ? { status } : {}),
  };
}
