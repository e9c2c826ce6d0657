import { decodeEntities, type TicketCount } from './core-browser.js';
import type { ShowItem } from './parse-show.js';
import type { RelayPayload } from './relay-payload.js';
import { totals } from './totals.js';

/** One count as the element displays it. */
export interface CountItem {
  kind: 'awaiting' | 'active' | 'flagged' | 'status';
  /** Human label; for statuses the decoded title (display text only, never HTML). */
  label: string;
  count: TicketCount;
  /** The status title exactly as WHMCS sent it, for the admin link. */
  title?: string;
}

/** Picks and orders the counts the `show` attribute asks for; `hideZero` drops 0 but never "disabled". */
export function selectCounts(
  payload: RelayPayload,
  show: ShowItem[],
  hideZero: boolean,
): CountItem[] {
  const statuses = Object.values(payload.status ?? {});
  const items: CountItem[] = [];
  // `show="statuses,Open"` must not list Open twice.
  const shownStatuses = new Set<string>();
  const add = (item: CountItem) => {
    if (item.title !== undefined) {
      if (shownStatuses.has(item.title)) return;
      shownStatuses.add(item.title);
    }
    if (!(hideZero && item.count === 0)) items.push(item);
  };
  for (const entry of show) {
    if (typeof entry === 'object') {
      const wanted = entry.title.toLowerCase();
      for (const s of statuses) {
        if (decodeEntities(s.title).toLowerCase() === wanted) add(statusItem(s.title, s.count));
      }
    } else if (entry === 'statuses') {
      for (const s of statuses) add(statusItem(s.title, s.count));
    } else {
      const [field, label] = totals[entry];
      add({ kind: entry, label, count: payload[field] });
    }
  }
  return items;
}

const statusItem = (title: string, count: TicketCount): CountItem => ({
  kind: 'status',
  label: decodeEntities(title),
  count,
  title,
});
