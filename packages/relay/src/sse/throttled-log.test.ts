import { describe, expect, it } from 'vitest';
import { ThrottledLog } from './throttled-log.js';

describe('ThrottledLog', () => {
  it('writes the first line, folds repeats within the interval, and reports how many', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new ThrottledLog(
      (line) => lines.push(line),
      10_000,
      () => now,
    );
    log.write('refused');
    now = 5_000;
    log.write('refused');
    log.write('refused');
    now = 10_000;
    log.write('refused');
    now = 30_000;
    log.write('refused');
    expect(lines).toEqual(['refused', 'refused (and 2 more since the last report)', 'refused']);
  });
});
