import { describe, expect, it } from 'vitest';
import { parseShow } from './parse-show.js';
import type { RelayPayload } from './relay-payload.js';
import { selectCounts } from './select-counts.js';

const payload: RelayPayload = {
  filteredDepartments: [],
  allActive: 12,
  awaitingReply: 0,
  flaggedTickets: null,
  status: {
    open: { title: 'Open', count: 3 },
    onhold: { title: 'On Hold', count: 0 },
    billingampsales: { title: 'Billing &amp; Sales', count: 2 },
  },
};

describe('selectCounts', () => {
  it('shows the three totals by default, in order, with disabled counts as null', () => {
    expect(selectCounts(payload, parseShow(null), false)).toEqual([
      { kind: 'awaiting', label: 'awaiting reply', count: 0 },
      { kind: 'active', label: 'active', count: 12 },
      { kind: 'flagged', label: 'flagged', count: null },
    ]);
  });
  it('hide-zero drops zeros but keeps disabled counts', () => {
    expect(selectCounts(payload, parseShow(null), true).map((i) => i.kind)).toEqual([
      'active',
      'flagged',
    ]);
  });
  it('lists statuses with decoded titles, keeps the raw title for links, and never twice', () => {
    const items = selectCounts(payload, parseShow('billing & sales, statuses'), false);
    expect(items.map((i) => i.label)).toEqual(['Billing & Sales', 'Open', 'On Hold']);
    expect(items[0]).toEqual({
      kind: 'status',
      label: 'Billing & Sales',
      count: 2,
      title: 'Billing &amp; Sales',
    });
  });
  it('matches status titles case-insensitively and skips unknown ones', () => {
    expect(selectCounts(payload, parseShow('ON HOLD, Nope'), false)).toEqual([
      { kind: 'status', label: 'On Hold', count: 0, title: 'On Hold' },
    ]);
  });
  it('shows nothing for statuses when the relay sent none', () => {
    expect(selectCounts({ ...payload, status: undefined }, parseShow('statuses'), false)).toEqual(
      [],
    );
  });
});
