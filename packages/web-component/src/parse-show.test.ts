import { describe, expect, it } from 'vitest';
import { parseShow } from './parse-show.js';

describe('parseShow', () => {
  it('defaults to the three totals when absent or blank', () => {
    expect(parseShow(null)).toEqual(['awaiting', 'active', 'flagged']);
    expect(parseShow('  ')).toEqual(['awaiting', 'active', 'flagged']);
  });
  it('keeps the order given, trims, and ignores empty entries and repeats', () => {
    expect(parseShow(' flagged ,, Awaiting,flagged ')).toEqual(['flagged', 'awaiting']);
  });
  it('treats any other word as a status title, keeping its spelling', () => {
    expect(parseShow('statuses, On Hold, on hold, Billing &amp; Sales')).toEqual([
      'statuses',
      { title: 'On Hold' },
      { title: 'Billing &amp; Sales' },
    ]);
  });
  it('reads "\\," as a comma inside a status title (WHMCS allows commas in titles)', () => {
    expect(parseShow('awaiting, Waiting\\, on customer ,Open')).toEqual([
      'awaiting',
      { title: 'Waiting, on customer' },
      { title: 'Open' },
    ]);
  });
});
