import type { TicketCount, TicketCounts } from '@whmcs-ticket-counts/core';
import { decodeTitle } from './decode-title.js';
import type { Translate } from './translate.js';

export const DEFAULT_STATUS_TEMPLATE = '$(inbox) {awaiting}';

/** Shown where a count is unknown: counts switched off on the server, or an unknown status title. */
export const UNKNOWN_COUNT = '–';

// Any case: settings.json is typed by hand, and `{Awaiting}` can only mean one thing.
const placeholder = /\{(awaiting|active|flagged|status:([^}]+))\}/gi;
/** Anything in braces that looks like it was meant as a placeholder. */
const braced = /\{[^{}\s][^{}]*\}|\{\}/g;

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
  return /\{status:[^}]+\}/i.test(template);
}

/**
 * What is wrong with a hand-written template, one sentence each: braces that are no placeholder,
 * and status titles this WHMCS does not have (judged only once its statuses are known).
 */
export function templateProblems(template: string, counts: TicketCounts, t: Translate): string[] {
  const problems: string[] = [];
  for (const [token] of template.matchAll(braced)) {
    if (new RegExp(`^${placeholder.source}$`, 'i').test(token)) continue;
    problems.push(
      t(
        'The status bar template has {0}, which is not a placeholder; use {1}, {2}, {3} or {4}.',
        token,
        '{awaiting}',
        '{active}',
        '{flagged}',
        '{status:Title}',
      ),
    );
  }
  const titles = Object.values(counts.status ?? {});
  const [example] = titles;
  if (!example) return problems;
  for (const match of template.matchAll(placeholder)) {
    const title = match[2];
    if (title === undefined || findStatusCount(counts, title) !== undefined) continue;
    problems.push(
      t(
        'The status bar template names the status "{0}", which this WHMCS does not have; use a title from the Statuses group, such as "{1}".',
        title,
        decodeTitle(example.title),
      ),
    );
  }
  return problems;
}

/**
 * Fills `{awaiting}`, `{active}`, `{flagged}` and `{status:Title}`. Anything else in the template
 * (codicons such as `$(inbox)`, words) is kept as written.
 */
export function renderStatusTemplate(template: string, counts: TicketCounts): string {
  const source = template.trim() === '' ? DEFAULT_STATUS_TEMPLATE : template;
  return source.replace(placeholder, (_whole, name: string, statusTitle: string | undefined) => {
    if (statusTitle !== undefined) return formatCount(findStatusCount(counts, statusTitle));
    const key = name.toLowerCase();
    if (key === 'awaiting') return formatCount(counts.awaitingReply);
    if (key === 'active') return formatCount(counts.allActive);
    return formatCount(counts.flaggedTickets);
  });
}
