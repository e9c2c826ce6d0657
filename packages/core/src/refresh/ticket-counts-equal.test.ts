import { describe, expect, it } from 'vitest';
import type { TicketCounts } from '../ticket-counts.js';
import { ticketCountsEqual } from './ticket-counts-equal.js';

function counts(overrides: Partial<TicketCounts> = {}): TicketCounts {
  return {
    filteredDepartments: [1, 2],
    allActive: 12,
    awaitingReply: 4,
    flaggedTickets: 1,
    countsDisabled: false,
    status: { open: { title: 'Open', count: 3 }, onhold: { title: 'On Hold', count: 0 } },
    ...overrides,
  };
}

describe('ticketCountsEqual', () => {
  it('is true for separately built, identical answers (status order aside)', () => {
    const reordered = counts({
      status: { onhold: { title: 'On Hold', count: 0 }, open: { title: 'Open', count: 3 } },
    });
    expect(ticketCountsEqual(counts(), reordered)).toBe(true);
    expect(ticketCountsEqual(counts({ status: undefined }), counts({ status: undefined }))).toBe(
      true,
    );
  });

  it.each<[string, Partial<TicketCounts>]>([
    ['allActive', { allActive: 13 }],
    ['awaitingReply', { awaitingReply: 5 }],
    ['flaggedTickets', { flaggedTickets: 0 }],
    ['a count switched off', { awaitingReply: null }],
    ['countsDisabled', { countsDisabled: true }],
    ['departments', { filteredDepartments: [1] }],
    ['department order', { filteredDepartments: [2, 1] }],
    ['statuses left out', { status: undefined }],
    [
      'a status count',
      { status: { open: { title: 'Open', count: 4 }, onhold: { title: 'On Hold', count: 0 } } },
    ],
    [
      'a status title',
      { status: { open: { title: 'Opened', count: 3 }, onhold: { title: 'On Hold', count: 0 } } },
    ],
    [
      'a status key',
      { status: { open: { title: 'Open', count: 3 }, hold: { title: 'On Hold', count: 0 } } },
    ],
    ['a missing status', { status: { open: { title: 'Open', count: 3 } } }],
  ])('sees a difference in %s', (_what, overrides) => {
    expect(ticketCountsEqual(counts(), counts(overrides))).toBe(false);
    expect(ticketCountsEqual(counts(overrides), counts())).toBe(false);
  });

  it('does not mistake inherited properties for statuses', () => {
    const a = counts({ status: { constructor: { title: 'X', count: 1 } } });
    const b = counts({ status: { other: { title: 'X', count: 1 } } });
    expect(ticketCountsEqual(a, b)).toBe(false);
  });
});
