import { expect, it } from 'vitest';
import { toTicketCountsPayload } from './ticket-counts-payload.js';

it('drops countsDisabled (disabled counts are already null) and copies status only when present', () => {
  expect(
    toTicketCountsPayload({
      filteredDepartments: [1],
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
      countsDisabled: true,
    }),
  ).toEqual({
    filteredDepartments: [1],
    allActive: null,
    awaitingReply: null,
    flaggedTickets: null,
  });
  const status = { open: { title: 'Open', count: 3 } };
  const payload = toTicketCountsPayload({
    filteredDepartments: [],
    allActive: 3,
    awaitingReply: 3,
    flaggedTickets: 0,
    countsDisabled: false,
    status,
  });
  expect(payload).toEqual({
    filteredDepartments: [],
    allActive: 3,
    awaitingReply: 3,
    flaggedTickets: 0,
    status,
  });
  expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
});
