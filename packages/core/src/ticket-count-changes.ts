// Part of the browser entry: no zod, nothing heavy.
import { decodeHtmlEntities } from './decode-html-entities.js';
import type { TicketCount, TicketCounts } from './ticket-counts.js';

export type TicketCountField = 'awaitingReply' | 'allActive' | 'flaggedTickets' | 'status';

/** One count that differs between two answers, e.g. awaiting reply 4 → 6. */
export interface TicketCountChange {
  field: TicketCountField;
  /** The status key, for `field: 'status'`. */
  key?: string;
  /** What to call the count; a status title is raw as WHMCS sent it (may hold HTML entities). */
  title: string;
  /** undefined when there was nothing before: the first answer, or a status that is new. */
  from: TicketCount | undefined;
  to: TicketCount;
  /** The status is no longer reported; `to` is then 0 (no ticket has it any more). */
  removed?: true;
}

const TOTALS = [
  ['awaitingReply', 'Awaiting reply'],
  ['allActive', 'All active'],
  ['flaggedTickets', 'Flagged'],
] as const;

/**
 * What changed from `previous` to `next`: the totals first, then statuses in `next`'s order, then
 * statuses that disappeared. Without `previous` every count is reported with `from: undefined`.
 * When `next` carries no statuses at all (not asked for), statuses are not compared.
 */
export function diffTicketCounts(
  previous: TicketCounts | undefined,
  next: TicketCounts,
): TicketCountChange[] {
  const changes: TicketCountChange[] = [];
  for (const [field, title] of TOTALS) {
    const from = previous?.[field];
    if (previous === undefined || from !== next[field]) {
      changes.push({ field, title, from, to: next[field] });
    }
  }
  if (next.status === undefined) return changes;

  const before = previous?.status ?? {};
  for (const [key, { title, count }] of Object.entries(next.status)) {
    const from = Object.hasOwn(before, key) ? before[key]?.count : undefined;
    if (!Object.hasOwn(before, key) || from !== count) {
      changes.push({ field: 'status', key, title, from, to: count });
    }
  }
  for (const [key, { title, count }] of Object.entries(before)) {
    if (!Object.hasOwn(next.status, key)) {
      changes.push({ field: 'status', key, title, from: count, to: 0, removed: true });
    }
  }
  return changes;
}

/**
 * "Awaiting reply: 4 → 6", as plain text (entities in status titles decoded: never insert it as
 * HTML); counts switched off on the server read "off".
 */
export function describeTicketCountChange(change: TicketCountChange): string {
  const title = decodeHtmlEntities(change.title);
  const to = change.removed ? 'removed' : formatCount(change.to);
  if (change.from === undefined) return `${title}: ${to}`;
  return `${title}: ${formatCount(change.from)} → ${to}`;
}

function formatCount(count: TicketCount): string {
  return count === null ? 'off' : String(count);
}
