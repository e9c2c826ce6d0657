import type { TicketCounts } from '@whmcs-ticket-counts/core';

/** A GetTicketCounts answer shaped like WHMCS's reference example, with an entity-encoded title. */
export function sampleCounts(overrides: Partial<TicketCounts> = {}): TicketCounts {
  return {
    filteredDepartments: [1, 2, 3],
    allActive: 123,
    awaitingReply: 100,
    flaggedTickets: 15,
    countsDisabled: false,
    status: {
      open: { title: 'Open', count: 60 },
      customerreply: { title: 'Customer-Reply', count: 40 },
      closed: { title: 'Closed', count: 4220 },
      billingsales: { title: 'Billing &amp; Sales', count: 0 },
    },
    ...overrides,
  };
}
