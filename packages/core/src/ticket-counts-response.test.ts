import { describe, expect, it } from 'vitest';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { parseTicketCountsResponse } from './ticket-counts-response.js';

// The example response from WHMCS's reference page for GetTicketCounts, verbatim.
const REFERENCE_EXAMPLE = `{
    "result": "success",
    "filteredDepartments": [1, 2, 3],
    "allActive": 123,
    "awaitingReply": 100,
    "flaggedTickets": 15,
    "status": {
        "open": { "title": "Open", "count": 60 },
        "answered": { "title": "Answered", "count": 23 },
        "customerreply": { "title": "Customer-Reply", "count": 40 },
        "closed": { "title": "Closed", "count": 4220 },
        "onhold": { "title": "On Hold", "count": 10 },
        "inprogress": { "title": "In Progress", "count": 0 }
    }
}`;

function unexpected(json: unknown): UnexpectedResponseError {
  try {
    parseTicketCountsResponse(json);
  } catch (error) {
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    return error as UnexpectedResponseError;
  }
  throw new Error('expected an UnexpectedResponseError');
}

const base = {
  result: 'success',
  filteredDepartments: [],
  allActive: 1,
  awaitingReply: 2,
  flaggedTickets: 3,
};

describe('parseTicketCountsResponse', () => {
  it("parses the reference page's example to exactly its numbers", () => {
    expect(parseTicketCountsResponse(JSON.parse(REFERENCE_EXAMPLE))).toEqual({
      filteredDepartments: [1, 2, 3],
      allActive: 123,
      awaitingReply: 100,
      flaggedTickets: 15,
      countsDisabled: false,
      status: {
        open: { title: 'Open', count: 60 },
        answered: { title: 'Answered', count: 23 },
        customerreply: { title: 'Customer-Reply', count: 40 },
        closed: { title: 'Closed', count: 4220 },
        onhold: { title: 'On Hold', count: 10 },
        inprogress: { title: 'In Progress', count: 0 },
      },
    });
  });

  it('has no status when the server sent none', () => {
    const counts = parseTicketCountsResponse(base);
    expect(counts).toEqual({
      filteredDepartments: [],
      allActive: 1,
      awaitingReply: 2,
      flaggedTickets: 3,
      countsDisabled: false,
    });
    expect('status' in counts).toBe(false);
  });

  it('turns numeric strings into numbers, also department ids', () => {
    const counts = parseTicketCountsResponse({
      ...base,
      filteredDepartments: ['1', 2, '10'],
      allActive: '12',
      awaitingReply: '0',
      flaggedTickets: 7,
      status: { open: { title: 'Open', count: '5' } },
    });
    expect(counts.filteredDepartments).toEqual([1, 2, 10]);
    expect(counts.allActive).toBe(12);
    expect(counts.awaitingReply).toBe(0);
    expect(counts.status?.open?.count).toBe(5);
  });

  it('reads "x" as switched-off counts: null, never 0 or NaN', () => {
    const counts = parseTicketCountsResponse({
      ...base,
      allActive: 'x',
      awaitingReply: 'x',
      flaggedTickets: 'x',
    });
    expect(counts).toMatchObject({
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
      countsDisabled: true,
    });
  });

  it('keeps titles raw and keys opaque (empty and odd keys too)', () => {
    const counts = parseTicketCountsResponse({
      ...base,
      status: {
        billingampsales: { title: 'Billing &amp; Sales', count: 3 },
        '': { title: 'Офис', count: 1 },
      },
    });
    expect(counts.status).toEqual({
      billingampsales: { title: 'Billing &amp; Sales', count: 3 },
      '': { title: 'Офис', count: 1 },
    });
  });

  it("accepts PHP's encodings of arrays: an empty status list as [] and gappy departments as an object", () => {
    const counts = parseTicketCountsResponse({
      ...base,
      status: [],
      filteredDepartments: { 0: 4, 2: '7' },
    });
    expect(counts.status).toEqual({});
    expect(counts.filteredDepartments).toEqual([4, 7]);
  });

  it.each([
    ['allActive', -1, '-1'],
    ['awaitingReply', 1.5, '1.5'],
    ['flaggedTickets', 2 ** 53, '9007199254740992'],
    ['allActive', 'abc', '"abc"'],
    ['allActive', '', '""'],
    ['allActive', ' 4', '" 4"'],
    ['awaitingReply', '1e3', '"1e3"'],
    ['allActive', null, 'null'],
    ['allActive', true, 'true'],
    ['flaggedTickets', undefined, 'missing'],
    ['allActive', [1], 'a list'],
    ['allActive', 'X', '"X"'],
  ])('rejects %s = %j naming the field and what came', (field, value, received) => {
    const error = unexpected({ ...base, [field]: value });
    expect(error.field).toBe(field);
    expect(error.received).toBe(received);
    expect(error.message).toContain(`"${field}"`);
  });

  it('names the nested field of a bad status count and a bad department id', () => {
    const status = unexpected({ ...base, status: { open: { title: 'Open', count: -3 } } });
    expect(status.field).toBe('status.open.count');
    expect(status.received).toBe('-3');
    const department = unexpected({ ...base, filteredDepartments: [1, 'two'] });
    expect(department.field).toBe('filteredDepartments.1');
    expect(department.received).toBe('"two"');
  });

  it('rejects a body that is not a success', () => {
    expect(unexpected({ result: 'error', message: 'x' }).field).toBe('result');
    expect(unexpected({ ...base, result: 'Success' }).field).toBe('result');
    expect(unexpected(null).field).toBe('(body)');
    expect(unexpected({ ...base, filteredDepartments: undefined }).field).toBe(
      'filteredDepartments',
    );
  });
});
