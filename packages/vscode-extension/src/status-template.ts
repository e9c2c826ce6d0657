import type { TicketCount, TicketCounts } from '@whmcs-ticket-counts/core';
import { decodeTitle } from './decode-title.js';

export const DEFAULT_STATUS_TEMPLATE = '$(inbox) {awaiting}';

/** Shown where a count is unknown: counts switched off on the server, or an unknown status title. */
export const UNKNOWN_COUNT = '–';

const placeholder = /\{(awaiting|active|flagged|status:([^}]+))\}/g;

function formatCount(count: TicketCount | undefined): string {
  return count === null || count === undefined ? UNKNOWN_COUNT : String(count);
}

/** Finds a status by its decoded title, ignoring case and surrounding spaces. */
export function findStatusCount(counts: TicketCounts, title: string): TicketCount | undefined {
  const wanted = decodeTitle(title).trim().toLowerCase();
  for (const entry of Object.values(counts.status ?? {})) {
    if (decodeTitle(entry.title).trim().toLowerCase() === wanted) return entry.count;
  }
  return undefined;
}

/** True when the template names a status, so the request must include counts by status. */
export function templateNeedsStatuses(template: string): boolean {
  return /\{status:[^}]+\}/.test(template);
}

/**
 * Fills `{awaiting}`, `{active}`, `{flagged}` and `{status:Title}`. Anything else in the template
 * (codicons such as `$(inbox)`, words) is kept as written.
 */
export function renderStatusTemplate(template: string, counts: TicketCounts): string {
  const source = template.trim() === '' ? DEFAULT_STATUS_TEMPLATE : template;
  return source.replace(placeholder, (_whole, name: string, statusTitle: string | undefined) => {
    if (statusTitle !== undefined) return formatCount(findStatusCount(counts, statusTitle));
    if (name === 'awaiting') return formatCount(counts.awaitingReply);
    if (name === 'active') return formatCount(counts.allActive);
    return formatCount(counts.flaggedTickets);
  });
}
