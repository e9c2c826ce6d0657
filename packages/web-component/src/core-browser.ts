/**
 * The one seam to `@whmcs-ticket-counts/core/browser` (zod-free helpers shared with the other
 * packages). What core/browser does not offer yet, or offers at a size the 5 KB budget cannot
 * carry, is a small local equivalent here; callers never import core directly.
 */
import { decodeHtmlEntities } from '@whmcs-ticket-counts/core/browser';

export type { AdminTicketLinks, TicketCount } from '@whmcs-ticket-counts/core/browser';
export { decodeHtmlEntities };

import type { AdminTicketLinks, TicketCount } from '@whmcs-ticket-counts/core/browser';
import { totals } from './totals.js';

export interface StatusCount {
  title: string;
  count: TicketCount;
}

/**
 * core/browser's `adminTicketLinks` validates through `resolveWhmcsUrl` and WhmcsError classes
 * (~2.5 KB minified); the element already accepts only http(s) base URLs and plain folder names,
 * so it builds the same links (same paths, same `view` values) directly.
 */
export function adminTicketLinks(baseUrl: URL, adminFolder: string): AdminTicketLinks {
  const list = `${baseUrl.href.replace(/[?#].*$/, '').replace(/\/*$/, '/')}${adminFolder}/supporttickets.php`;
  const view = (name: string) => `${list}?view=${encodeURIComponent(name)}`;
  return {
    awaitingReply: list,
    allActive: view('active'),
    flagged: view('flagged'),
    status: (title) => view(decodeHtmlEntities(title)),
  };
}

export interface TicketCountsLike {
  allActive: TicketCount;
  awaitingReply: TicketCount;
  flaggedTickets: TicketCount;
  status?: Record<string, StatusCount>;
}

export interface TicketCountChange {
  field: 'awaitingReply' | 'allActive' | 'flaggedTickets' | 'status';
  /** The status key, for `field: 'status'`. */
  key?: string;
  /** The element's label for totals ("awaiting reply"); raw as WHMCS sent it for statuses (may hold entities). */
  title: string;
  from: TicketCount | undefined;
  to: TicketCount;
}

/**
 * What changed between two payloads, in core's `TicketCountChange` shape. core's
 * `diffTicketCounts` is not in its browser entry (yet); this is the same comparison, minus the
 * "first answer lists everything" case the element never asks for.
 */
export function diffTicketCounts(
  prev: TicketCountsLike,
  next: TicketCountsLike,
): TicketCountChange[] {
  const changes: TicketCountChange[] = [];
  for (const [field, title] of Object.values(totals)) {
    if (prev[field] !== next[field])
      changes.push({ field, title, from: prev[field], to: next[field] });
  }
  for (const [key, { title, count }] of Object.entries(next.status ?? {})) {
    const from = prev.status?.[key]?.count;
    if (from !== count) changes.push({ field: 'status', key, title, from, to: count });
  }
  return changes;
}
