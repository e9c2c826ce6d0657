import { describe, expect, it } from 'vitest';
import { sampleCounts } from '../test-support/sample-counts.js';
import { formatCountsJson } from './counts-json.js';

describe('formatCountsJson', () => {
  it('prints exactly the API fields, with raw titles, on one line', () => {
    const text = formatCountsJson(sampleCounts(), { includeStatus: true, pretty: false });
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    expect(JSON.parse(text)).toEqual({
      filteredDepartments: [1, 2, 3],
      allActive: 123,
      awaitingReply: 100,
      flaggedTickets: 15,
      status: {
        open: { title: 'Open', count: 60 },
        customerreply: { title: 'Customer-Reply', count: 40 },
        closed: { title: 'Closed', count: 4220 },
        billingsales: { title: 'Billing &amp; Sales', count: 0 },
      },
    });
  });

  it('uses null for disabled counts and drops status when not wanted', () => {
    const counts = sampleCounts({
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
      countsDisabled: true,
    });
    expect(JSON.parse(formatCountsJson(counts, { includeStatus: false, pretty: true }))).toEqual({
      filteredDepartments: [1, 2, 3],
      allActive: null,
      awaitingReply: null,
      flaggedTickets: null,
    });
  });

  it('drops fields that are not part of the payload', () => {
    const counts = { ...sampleCounts(), extra: 1 } as ReturnType<typeof sampleCounts>;
    const status = counts.status as Record<string, { title: string; count: number | null }>;
    status.open = { ...status.open, key: 'x' } as unknown as { title: string; count: number };
    const parsed = JSON.parse(formatCountsJson(counts, { includeStatus: true, pretty: false }));
    expect(Object.keys(parsed)).toEqual([
      'filteredDepartments',
      'allActive',
      'awaitingReply',
      'flaggedTickets',
      'status',
    ]);
    expect(parsed.status.open).toEqual({ title: 'Open', count: 60 });
  });
});
