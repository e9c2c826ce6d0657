import { describe, expect, it } from 'vitest';
import { describeTicketCountChange, diffTicketCounts } from './ticket-count-changes.js';
import type { TicketCounts } from './ticket-counts.js';

function counts(overrides: Partial<TicketCounts> = {}): TicketCounts {
  return {
    filteredDepartments: [1, 2],
    allActive: 12,
    awaitingReply: 4,
    flaggedTickets: 1,
    countsDisabled: false,
    ...overrides,
  };
}

const statuses = {
  open: { title: 'Open', count: 3 },
  customerreply: { title: 'Customer-Reply', count: 1 },
  onhold: { title: 'On Hold', count: 0 },
};

describe('diffTicketCounts', () => {
  it('reports nothing for equal counts', () => {
    expect(
      diffTicketCounts(counts({ status: statuses }), counts({ status: { ...statuses } })),
    ).toEqual([]);
  });

  it('reports a changed total with its old and new count', () => {
    expect(diffTicketCounts(counts(), counts({ awaitingReply: 6 }))).toEqual([
      { field: 'awaitingReply', title: 'Awaiting reply', from: 4, to: 6 },
    ]);
  });

  it('reports every count of a first answer, with nothing before', () => {
    expect(diffTicketCounts(undefined, counts({ status: { open: statuses.open } }))).toEqual([
      { field: 'awaitingReply', title: 'Awaiting reply', from: undefined, to: 4 },
      { field: 'allActive', title: 'All active', from: undefined, to: 12 },
      { field: 'flaggedTickets', title: 'Flagged', from: undefined, to: 1 },
      { field: 'status', key: 'open', title: 'Open', from: undefined, to: 3 },
    ]);
  });

  it('matches statuses by key and reports changed, new and removed ones', () => {
    const previous = counts({ status: statuses });
    const next = counts({
      status: {
        open: { title: 'Open', count: 5 },
        customerreply: { title: 'Customer-Reply', count: 1 },
        escalated: { title: 'Escalated', count: 2 },
      },
    });
    expect(diffTicketCounts(previous, next)).toEqual([
      { field: 'status', key: 'open', title: 'Open', from: 3, to: 5 },
      { field: 'status', key: 'escalated', title: 'Escalated', from: undefined, to: 2 },
      { field: 'status', key: 'onhold', title: 'On Hold', from: 0, to: 0, removed: true },
    ]);
  });

  it('keeps titles raw, HTML entities included', () => {
    const previous = counts({ status: { ab: { title: 'A &amp; B', count: 1 } } });
    const next = counts({ status: { ab: { title: 'A &amp; B', count: 2 } } });
    expect(diffTicketCounts(previous, next)[0]?.title).toBe('A &amp; B');
  });

  it('uses the empty key of a non-Latin status title like any other key', () => {
    const previous = counts({ status: { '': { title: 'Открыт', count: 1 } } });
    const next = counts({ status: { '': { title: 'Открыт', count: 4 } } });
    expect(diffTicketCounts(previous, next)).toEqual([
      { field: 'status', key: '', title: 'Открыт', from: 1, to: 4 },
    ]);
  });

  it('does not mistake inherited object properties for statuses', () => {
    const next = counts({ status: { constructor: { title: 'Constructor', count: 1 } } });
    expect(diffTicketCounts(counts({ status: {} }), next)).toEqual([
      { field: 'status', key: 'constructor', title: 'Constructor', from: undefined, to: 1 },
    ]);
  });

  it('does not report statuses as removed when the new answer has no statuses at all', () => {
    expect(diffTicketCounts(counts({ status: statuses }), counts())).toEqual([]);
  });

  it('reports counts being switched off on the server as a change to null', () => {
    const next = counts({
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
      countsDisabled: true,
    });
    expect(diffTicketCounts(counts(), next).map((change) => [change.field, change.to])).toEqual([
      ['awaitingReply', null],
      ['allActive', null],
      ['flaggedTickets', null],
    ]);
  });

  it('ignores changes outside the counts (departments)', () => {
    expect(diffTicketCounts(counts(), counts({ filteredDepartments: [] }))).toEqual([]);
  });
});

describe('describeTicketCountChange', () => {
  it('says what changed in a few words', () => {
    const [change] = diffTicketCounts(counts(), counts({ awaitingReply: 6 }));
    expect(change && describeTicketCountChange(change)).toBe('Awaiting reply: 4 → 6');
  });

  it('describes first, switched-off, new and removed counts', () => {
    expect(
      describeTicketCountChange({
        field: 'allActive',
        title: 'All active',
        from: undefined,
        to: 12,
      }),
    ).toBe('All active: 12');
    expect(
      describeTicketCountChange({ field: 'flaggedTickets', title: 'Flagged', from: 2, to: null }),
    ).toBe('Flagged: 2 → off');
    expect(
      describeTicketCountChange({
        field: 'status',
        key: 'onhold',
        title: 'On Hold',
        from: 3,
        to: 0,
        removed: true,
      }),
    ).toBe('On Hold: 3 → removed');
  });

  it('decodes HTML entities in status titles, as text', () => {
    const previous = {
      status: { ab: { title: 'Billing &amp; &lt;b&gt;Sales&lt;/b&gt;', count: 1 } },
    };
    const [change] = diffTicketCounts(
      counts(previous),
      counts({ status: { ab: { ...previous.status.ab, count: 2 } } }),
    );
    expect(change && describeTicketCountChange(change)).toBe('Billing & <b>Sales</b>: 1 → 2');
  });
});
