import { describe, expect, it } from 'vitest';
import { sampleCounts } from '../test-support/sample-counts.js';
import { formatCountsTable } from './counts-table.js';
import { chooseStyle } from './terminal-style.js';

describe('formatCountsTable', () => {
  it('aligns totals, departments and statuses (decoded, in server order)', () => {
    expect(formatCountsTable(sampleCounts())).toBe(
      [
        'Awaiting reply      100',
        'All active          123',
        'Flagged to me        15',
        'Departments counted: 1, 2, 3',
        '',
        'By status',
        '  Open               60',
        '  Customer-Reply     40',
        '  Closed           4220',
        '  Billing & Sales     0',
        '',
      ].join('\n'),
    );
  });

  it('keeps the count column straight for wide, combining and zero-width characters in titles', () => {
    const text = formatCountsTable(
      sampleCounts({
        status: {
          '': { title: '处理中', count: 3 }, // three CJK characters, two columns each
          cafe: { title: 'Cafe\u0301', count: 12 }, // e + combining acute: one column
          urgent: { title: '🔥 Urgent', count: 1 }, // an emoji takes two columns
          zero: { title: '\u200bZero', count: 0 }, // a zero-width space takes none
        },
      }),
    );
    // Every count ends in column 19, as "Awaiting reply  100" does.
    expect(text.split('\n').slice(5, 10)).toEqual([
      'By status',
      '  处理中          3',
      '  Cafe\u0301' + '           12',
      '  🔥 Urgent       1',
      '  \u200bZero' + '            0',
    ]);
  });

  it('says "all departments" for an empty filter and leaves statuses out when not asked for', () => {
    const text = formatCountsTable(sampleCounts({ filteredDepartments: [], status: undefined }));
    expect(text).toBe(
      [
        'Awaiting reply  100',
        'All active      123',
        'Flagged to me    15',
        'Departments counted: all departments',
        '',
      ].join('\n'),
    );
  });

  it('prints disabled counts as "disabled on this server", never 0', () => {
    const text = formatCountsTable(
      sampleCounts({
        allActive: null,
        awaitingReply: null,
        flaggedTickets: null,
        countsDisabled: true,
        status: undefined,
      }),
    );
    expect(text).toContain('Awaiting reply  disabled on this server\n');
    expect(text).toContain('Flagged to me   disabled on this server\n');
    expect(text).not.toMatch(/\b0\b/);
  });

  it('strips control characters a server could use to drive the terminal', () => {
    const text = formatCountsTable(
      sampleCounts({
        status: { evil: { title: 'Evil\u001b[2J\u001b]0;pwned\u0007 Title\nNext', count: 1 } },
      }),
    );
    expect(text).toContain('  Evil[2J]0;pwned Title Next  ');
    expect(text).not.toContain('\u001b');
  });

  it('uses escape sequences only when the style says so, and adds the link line', () => {
    const coloured = formatCountsTable(sampleCounts(), {
      style: chooseStyle(true, {}),
      link: 'https://whmcs.test/admin/supporttickets.php',
    });
    expect(coloured).toContain('\u001b[33m100\u001b[39m');
    expect(coloured).toContain('Open in WHMCS: https://whmcs.test/admin/supporttickets.php');
    expect(
      formatCountsTable(sampleCounts(), { style: chooseStyle(true, { NO_COLOR: '1' }) }),
    ).not.toContain('\u001b');
    expect(formatCountsTable(sampleCounts(), { style: chooseStyle(false, {}) })).not.toContain(
      '\u001b',
    );
  });
});
