import { describe, expect, it } from 'vitest';
import type { ConnectionView } from './counts-view-state.js';
import { statusBarModel } from './status-bar-model.js';
import { sampleCounts } from './test-counts.js';
import { formatMessage as t } from './translate.js';
import { awaitingBadge } from './tree-model.js';

const options = { template: '$(inbox) {awaiting}', warningThreshold: 0, hideWhenZero: false };

function view(state: Partial<ConnectionView['state']>, id: string): ConnectionView {
  return { id, label: id, state: { stale: false, halted: false, refreshing: false, ...state } };
}

const rejected = { kind: 'authentication', message: 'WHMCS rejected the login.' };
const timedOut = { kind: 'timeout', message: 'WHMCS did not answer in time.', retryable: true };

/** A connection whose secret was rejected: refresh stopped, its last 10 kept as stale. */
const halted = (id: string) =>
  view(
    { value: sampleCounts({ awaitingReply: 10 }), error: rejected, stale: true, halted: true },
    id,
  );

/** The awaiting number the status bar shows, as the badge would carry it. */
function statusBarNumber(views: readonly ConnectionView[]): number | undefined {
  const match = /^\$\(inbox\) (\d+)/.exec(statusBarModel(views, options, t).text);
  return match ? Number(match[1]) : undefined;
}

describe('the status bar sum and the view badge follow one rule', () => {
  it.each([
    [
      'one of two connections halted (its secret rejected)',
      [halted('a'), view({ value: sampleCounts({ awaitingReply: 10 }) }, 'b')],
    ],
    ['the only connection halted', [halted('a')]],
    [
      'one connection timing out',
      [
        view({ value: sampleCounts({ awaitingReply: 3 }), error: timedOut, stale: true }, 'a'),
        view({ value: sampleCounts({ awaitingReply: 10 }) }, 'b'),
      ],
    ],
    [
      'one connection failing before it ever had counts',
      [view({ error: timedOut }, 'a'), view({ value: sampleCounts({ awaitingReply: 10 }) }, 'b')],
    ],
    [
      'all fresh',
      [
        view({ value: sampleCounts({ awaitingReply: 2 }) }, 'a'),
        view({ value: sampleCounts() }, 'b'),
      ],
    ],
  ])('%s', (_, views) => {
    const model = statusBarModel(views, options, t);
    const badge = awaitingBadge(views);
    expect(badge?.value).toBe(statusBarNumber(views));
    expect(badge?.stale).toBe(model.text.endsWith('(stale)'));
  });

  it('keeps a halted connection’s last number in both, marked stale', () => {
    const views = [halted('a'), view({ value: sampleCounts({ awaitingReply: 10 }) }, 'b')];
    expect(statusBarModel(views, options, t).text).toBe('$(inbox) 20 (stale)');
    expect(awaitingBadge(views)).toEqual({ value: 20, stale: true });
  });
});
