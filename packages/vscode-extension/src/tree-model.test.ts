import { describe, expect, it } from 'vitest';
import type { ConnectionView } from './counts-view-state.js';
import { sampleCounts } from './test-counts.js';
import { formatMessage as t } from './translate.js';
import { awaitingBadge, buildTree } from './tree-model.js';

function view(state: Partial<ConnectionView['state']>, id = 'prod'): ConnectionView {
  return {
    id,
    label: `Label ${id}`,
    state: { stale: false, halted: false, refreshing: false, ...state },
  };
}

describe('buildTree', () => {
  it('lists the totals, every status decoded, and the departments', () => {
    const nodes = buildTree([view({ value: sampleCounts() })], { hideZeroStatuses: false }, t);
    expect(nodes.map((node) => [node.label, node.description])).toEqual([
      ['Awaiting Reply', '4'],
      ['All Active', '12'],
      ['My Flagged', '1'],
      ['Statuses', 'all departments'],
      ['Counted', 'Departments 1, 2'],
    ]);
    const statuses = nodes.find((node) => node.kind === 'statuses')?.children ?? [];
    expect(statuses.map((node) => [node.label, node.description])).toEqual([
      ['Open', '3'],
      ['On Hold', '0'],
      ['Billing & Sales', '2'],
    ]);
    // The link keeps the raw title; core's link builder decodes it before encoding.
    expect(statuses[2]?.link).toEqual({ list: 'status', title: 'Billing &amp; Sales' });
    expect(nodes[0]?.contextValue).toContain('linkable');
  });

  it('hides zero statuses when asked and says "All departments" without a filter', () => {
    const counts = sampleCounts({ filteredDepartments: [] });
    const nodes = buildTree([view({ value: counts })], { hideZeroStatuses: true }, t);
    const statuses = nodes.find((node) => node.kind === 'statuses')?.children ?? [];
    expect(statuses.map((node) => node.label)).toEqual(['Open', 'Billing & Sales']);
    expect(nodes.find((node) => node.kind === 'departments')?.description).toBe('All departments');
  });

  it('says so instead of an empty, expandable Statuses group when every status is hidden', () => {
    const counts = sampleCounts({
      status: { open: { title: 'Open', count: 0 }, onhold: { title: 'On Hold', count: 0 } },
    });
    const nodes = buildTree([view({ value: counts })], { hideZeroStatuses: true }, t);
    const group = nodes.find((node) => node.kind === 'statuses');
    expect(group?.children).toBeUndefined();
    expect(group?.description).toBe('no tickets in any status');
  });

  it('puts an error node first and keeps the stale counts', () => {
    const error = { kind: 'authentication', message: 'WHMCS rejected the API credential.' };
    const nodes = buildTree(
      [view({ value: sampleCounts(), error, stale: true, halted: true, fetchedAt: 0 })],
      { hideZeroStatuses: false },
      t,
    );
    expect(nodes[0]).toMatchObject({
      kind: 'error',
      label: 'Login rejected',
      description: error.message,
      contextValue: 'error',
    });
    expect(nodes[0]?.children?.map((child) => [child.label, child.action])).toEqual([
      ['Reconnect…', 'reconnect'],
      ['Show Log', 'showLog'],
    ]);
    expect(nodes[0]?.tooltip).toContain('stopped until you reconnect');
    expect(nodes[1]?.tooltip).toContain('stale since');
    // The rows themselves say the numbers are old, not only their tooltips.
    expect(nodes[1]?.description).toBe('4 (stale)');
    const statuses = nodes.find((node) => node.kind === 'statuses')?.children ?? [];
    expect(statuses[0]?.description).toBe('3 (stale)');
  });

  it('offers "Retry now" for an error worth retrying, and keeps Reconnect for the rest', () => {
    const error = { kind: 'network', message: 'Cannot reach WHMCS.', retryable: true };
    const nodes = buildTree(
      [view({ value: sampleCounts(), error, stale: true, fetchedAt: 0 })],
      { hideZeroStatuses: false },
      t,
    );
    expect(nodes[0]?.contextValue).toBe('error retryable');
    expect(nodes[0]?.children?.map((child) => [child.label, child.action])).toEqual([
      ['Retry now', 'refresh'],
      ['Reconnect…', 'reconnect'],
      ['Show Log', 'showLog'],
    ]);
  });

  it('shows loading before the first value', () => {
    const nodes = buildTree([view({ refreshing: true })], { hideZeroStatuses: false }, t);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]?.label).toBe('Loading…');
  });

  it('has one root per installation when there are several, with stable ids', () => {
    const views = [view({ value: sampleCounts() }, 'prod'), view({}, 'staging')];
    const nodes = buildTree(views, { hideZeroStatuses: false }, t);
    expect(nodes.map((node) => [node.label, node.description])).toEqual([
      ['Label prod', '4 awaiting'],
      ['Label staging', ''],
    ]);
    expect(nodes[0]?.children?.[0]?.id).toBe('prod/awaitingReply');
    const ids = nodes.flatMap((node) => [node.id, ...(node.children ?? []).map((c) => c.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('awaitingBadge', () => {
  it('adds up awaiting counts and ignores unknown ones', () => {
    expect(awaitingBadge([])).toBeUndefined();
    expect(
      awaitingBadge([
        view({ value: sampleCounts() }),
        view({ value: sampleCounts({ awaitingReply: null }) }, 'b'),
        view({ value: sampleCounts({ awaitingReply: 3 }) }, 'c'),
      ]),
    ).toEqual({ value: 7, stale: false });
  });

  it('keeps a halted connection’s last number, and says when any part is stale', () => {
    const error = { kind: 'authentication', message: 'Rejected.' };
    expect(
      awaitingBadge([view({ value: sampleCounts(), error, stale: true, halted: true })]),
    ).toEqual({ value: 4, stale: true });
    expect(
      awaitingBadge([
        view({ value: sampleCounts(), error: { kind: 'timeout', message: 'Slow.' }, stale: true }),
      ]),
    ).toEqual({ value: 4, stale: true });
  });
});
