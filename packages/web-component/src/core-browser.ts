/**
 * The one seam to `@whmcs-ticket-counts/core/browser` (zod-free helpers shared with the other
 * packages). What core/browser offers at a size the 5 KB budget cannot carry has a small local
 * equivalent here; callers never import core directly.
 */
import type { AdminTicketLinks, TicketCount } from '@whmcs-ticket-counts/core/browser';
import { decodeEntities } from './decode-entities.js';

export type {
  AdminTicketLinks,
  TicketCount,
  TicketCountChange,
  TicketCounts,
} from '@whmcs-ticket-counts/core/browser';
export { diffTicketCounts } from '@whmcs-ticket-counts/core/browser';
export { decodeEntities };

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
  // Like core, a pasted `…/includes/api.php` (what the relay is configured with) means its base;
  // origin + path also drops the query, the hash and any user name or password (core refuses those).
  const list = `${(baseUrl.origin + baseUrl.pathname).replace(/(\/includes\/api\.php)?\/*$/i, '/')}${adminFolder}/supporttickets.php`;
  const view = (name: string) => `${list}?view=${encodeURIComponent(name)}`;
  return {
    awaitingReply: list,
    allActive: view('active'),
    flagged: view('flagged'),
    status: (title) => view(decodeEntities(title)),
  };
}
