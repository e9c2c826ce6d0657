import type { RelayPayload } from '../src/relay-payload.js';

/** Counts as the relay would serve them, with the awkward cases: disabled, entities, markup in titles. */
export function samplePayload(overrides: Partial<RelayPayload> = {}): RelayPayload {
  return {
    filteredDepartments: [1, 2],
    allActive: 12,
    awaitingReply: 4,
    flaggedTickets: 1,
    status: {
      open: { title: 'Open', count: 3 },
      onhold: { title: 'On Hold', count: 0 },
      billingampsales: { title: 'Billing &amp; Sales', count: 2 },
      imgsrcxonerroralert1: { title: '<img src=x onerror=alert(1)>', count: 1 },
    },
    fetchedAt: new Date().toISOString(),
    stale: false,
    ...overrides,
  };
}
