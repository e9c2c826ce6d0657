import type { TicketCounts } from '@whmcs-ticket-counts/core';

/** Counts shaped like the WHMCS simulator's sample data, for unit tests. */
export function sampleCounts(overrides: Partial<TicketCounts> = {}): TicketCounts {
  return {
    filteredDepartments: [1, 2],
    allActive: 12,
    awaitingReply: 4,
    flaggedTickets: 1,
    countsDisabled: false,
    status: {
      open: { title: 'Open', count: 3 },
      onhold: { title: 'On Hold', count: 0 },
      billingsales: { title: 'Billing &amp; Sales', count: 2 },
    },
    ...overrides,
  };
}
