import {
  decodeHtmlEntities,
  diffTicketCounts,
  type TicketCountChange,
  type TicketCounts,
} from '@whmcs-ticket-counts/core/browser';
import { terminalSafe } from '../output/terminal-text.js';

/** One line per count that changed, e.g. "Awaiting reply: 4 → 6"; titles decoded and made safe. */
export function changeLines(previous: TicketCounts, next: TicketCounts): string[] {
  return diffTicketCounts(previous, next).map(describe);
}

// The same names as the table's rows.
const totalTitles: Readonly<Record<string, string>> = {
  awaitingReply: 'Awaiting reply',
  allActive: 'All active',
  flaggedTickets: 'Flagged to me',
};

function describe(change: TicketCountChange): string {
  const title =
    totalTitles[change.field] ??
    (terminalSafe(decodeHtmlEntities(change.title)) || '(untitled status)');
  const to = change.removed ? 'removed' : countText(change.to);
  return change.from === undefined
    ? `${title}: ${to}`
    : `${title}: ${countText(change.from)} → ${to}`;
}

function countText(count: number | null): string {
  return count === null ? 'disabled' : String(count);
}
