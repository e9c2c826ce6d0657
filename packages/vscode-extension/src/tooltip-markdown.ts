import type { TicketCount, TicketCounts } from '@whmcs-ticket-counts/core';
import type { ConnectionView } from './counts-view-state.js';
import { decodeTitle } from './decode-title.js';
import { escapeMarkdown } from './markdown-text.js';
import { UNKNOWN_COUNT } from './status-template.js';
import type { Translate } from './translate.js';

function count(value: TicketCount): string {
  return value === null ? UNKNOWN_COUNT : String(value);
}

export function departmentsText(counts: TicketCounts, t: Translate): string {
  return counts.filteredDepartments.length === 0
    ? t('All departments')
    : t('Departments {0}', counts.filteredDepartments.join(', '));
}

export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString();
}

function connectionSection(view: ConnectionView, t: Translate, withHeading: boolean): string[] {
  const lines: string[] = [];
  if (withHeading) lines.push(`**${escapeMarkdown(view.label)}**`, '');
  const { value, error, fetchedAt, stale, halted, refreshing } = view.state;
  if (error) {
    lines.push(`$(error) ${escapeMarkdown(error.message)}`, '');
    if (halted) lines.push(t('Automatic refresh is stopped until you reconnect.'), '');
  }
  if (value) {
    if (value.countsDisabled) {
      lines.push(t('Ticket counts are switched off on this WHMCS server.'), '');
    }
    lines.push(`| ${t('Tickets')} | |`, '|:--|--:|');
    lines.push(`| ${t('Awaiting reply')} | ${count(value.awaitingReply)} |`);
    lines.push(`| ${t('All active')} | ${count(value.allActive)} |`);
    lines.push(`| ${t('My flagged')} | ${count(value.flaggedTickets)} |`);
    // The department filter applies to the totals only: it sits with them, above the statuses.
    lines.push('', escapeMarkdown(departmentsText(value, t)), '');
    const statuses = Object.values(value.status ?? {});
    if (statuses.length > 0) {
      // WHMCS 7/8 count tickets per status across all departments, whatever the filter.
      lines.push(`| ${t('Statuses — all departments')} | |`, '|:--|--:|');
      for (const entry of statuses) {
        lines.push(`| ${escapeMarkdown(decodeTitle(entry.title))} | ${count(entry.count)} |`);
      }
      lines.push('');
    }
  } else if (!error) {
    lines.push(refreshing ? t('Loading ticket counts…') : t('No ticket counts yet.'), '');
  }
  if (fetchedAt !== undefined) {
    lines.push(
      stale
        ? t('Last refreshed {0} (stale: the latest refresh failed)', formatTime(fetchedAt))
        : t('Last refreshed {0}', formatTime(fetchedAt)),
    );
  }
  return lines;
}

/** The status bar tooltip: a table of every count per connection, departments, and freshness. */
export function tooltipMarkdown(views: readonly ConnectionView[], t: Translate): string {
  if (views.length === 0) return t('WHMCS: not connected. Run "WHMCS: Connect…".');
  const many = views.length > 1;
  const sections = views.map((view) => connectionSection(view, t, many).join('\n').trim());
  return [`**${t('WHMCS Ticket Counts')}**`, ...sections].join('\n\n---\n\n');
}
