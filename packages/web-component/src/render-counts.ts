import type { AdminTicketLinks } from './core-browser.js';
import type { CountItem } from './select-counts.js';

const disabledTitle = 'counts disabled on this server';

function linkFor(item: CountItem, links: AdminTicketLinks): string {
  if (item.kind === 'status') return links.status(item.title as string);
  return item.kind === 'awaiting'
    ? links.awaitingReply
    : item.kind === 'active'
      ? links.allActive
      : links.flagged;
}

function part(tag: string, name: string, text?: string): HTMLElement {
  const element = document.createElement(tag);
  element.setAttribute('part', name);
  // textContent only: status titles come from WHMCS admins and must never become markup.
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Replaces the list's items: one `<li part="count …">` per count, a link when admin links exist.
 * Rendering runs on every poll and every tick of the stale age: the same rows again are left in
 * place, and new rows keep the focus on the same count, so a keyboard user never loses their place.
 */
export function renderCounts(
  list: HTMLElement,
  items: CountItem[],
  links?: AdminTicketLinks,
): void {
  const next = document.createElement('ul');
  next.append(
    ...items.map((item) => {
      const row = part('li', item.kind === 'status' ? 'count status' : `count ${item.kind}`);
      const body = links ? part('a', 'link') : document.createElement('span');
      if (links) body.setAttribute('href', linkFor(item, links));
      const value = part(
        'span',
        item.count === null ? 'value disabled' : 'value',
        item.count === null ? '—' : String(item.count),
      );
      if (item.count === null) value.title = disabledTitle;
      body.append(value, part('span', 'label', item.label));
      row.title = `${item.label}: ${item.count ?? disabledTitle}`;
      // Read as "flagged: counts disabled on this server", not "— flagged".
      if (item.count === null) (links ? body : row).setAttribute('aria-label', row.title);
      row.append(body);
      return row;
    }),
  );
  if (next.innerHTML === list.innerHTML) return;
  // Each count's link is its own (by href): focus follows the count, whatever moved around it.
  const focused = ((list.getRootNode() as ShadowRoot).activeElement as HTMLAnchorElement)?.href;
  list.replaceChildren(...next.children);
  [...list.querySelectorAll('a')].find((a) => a.href === focused)?.focus();
}
