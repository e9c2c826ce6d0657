import type { TicketCount, TicketCounts } from '@whmcs-ticket-counts/core';
import { decodeHtmlEntities } from '@whmcs-ticket-counts/core/browser';
import { plainTextStyle, type TerminalStyle } from './terminal-style.js';
import { displayWidth, terminalSafe } from './terminal-text.js';

export const disabledCountText = 'disabled on this server';

interface Row {
  readonly label: string;
  readonly count: TicketCount;
  readonly highlight?: boolean;
}

/**
 * The human-readable view of one GetTicketCounts answer: the three totals, which departments were
 * counted, then every status by title in the order the server sent them. Counts are right-aligned
 * in one column; a count the server switched off reads "disabled on this server", never 0.
 */
export function formatCountsTable(
  counts: TicketCounts,
  options: { style?: TerminalStyle; link?: string } = {},
): string {
  const style = options.style ?? plainTextStyle;
  const totals: Row[] = [
    { label: 'Awaiting reply', count: counts.awaitingReply, highlight: true },
    { label: 'All active', count: counts.allActive },
    { label: 'Flagged to me', count: counts.flaggedTickets },
  ];
  const statuses: Row[] = Object.values(counts.status ?? {}).map((status) => ({
    label: `  ${terminalSafe(decodeHtmlEntities(status.title)) || '(untitled status)'}`,
    count: status.count,
  }));

  const rows = [...totals, ...statuses];
  const labelWidth = Math.max(...rows.map((row) => displayWidth(row.label)));
  const countWidth = Math.max(
    ...rows.map((row) => (row.count === null ? 0 : String(row.count).length)),
  );
  const line = (row: Row) => {
    const padding = ' '.repeat(labelWidth - displayWidth(row.label) + 2);
    if (row.count === null) return `${row.label}${padding}${style.dim(disabledCountText)}`;
    const digits = String(row.count);
    const shown = row.highlight && row.count > 0 ? style.attention(digits) : digits;
    return `${row.label}${padding}${' '.repeat(countWidth - digits.length)}${shown}`;
  };

  const lines = totals.map(line);
  lines.push(`Departments counted: ${departmentsText(counts.filteredDepartments)}`);
  if (counts.status !== undefined) {
    lines.push('', style.bold('By status'));
    if (statuses.length === 0) lines.push('  (the server reported no statuses)');
    lines.push(...statuses.map(line));
  }
  if (options.link !== undefined) lines.push('', style.dim(`Open in WHMCS: ${options.link}`));
  return `${lines.join('\n')}\n`;
}

function departmentsText(departments: readonly number[]): string {
  // WHMCS sends [] when it applied no department filter.
  return departments.length === 0 ? 'all departments' : departments.join(', ');
}
