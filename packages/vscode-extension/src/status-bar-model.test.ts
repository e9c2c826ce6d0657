import { describe, expect, it } from 'vitest';
import type { ConnectionView } from './counts-view-state.js';
import { statusBarModel } from './status-bar-model.js';
import { sampleCounts } from './test-counts.js';
import { formatMessage as t } from './translate.js';

const options = { template: '$(inbox) {awaiting}', warningThreshold: 10, hideWhenZero: false };

function view(state: Partial<ConnectionView['state']>, id = 'prod'): ConnectionView {
  return { id, label: id, state: { stale: false, halted: false, refreshing: false, ...state } };
}

describe('statusBarModel', () => {
  it('offers to connect when nothing is configured', () => {
    const model = statusBarModel([], options, t);
    expect(model.text).toBe('$(plug) WHMCS');
    expect(model.visible).toBe(true);
  });

  it('shows the awaiting count with an accessible label', () => {
    const model = statusBarModel([view({ value: sampleCounts(), fetchedAt: 0 })], options, t);
    expect(model.text).toBe('$(inbox) 4');
    expect(model.background).toBeUndefined();
    expect(model.accessibilityLabel).toBe('4 WHMCS tickets awaiting reply');
    expect(model.tooltip).toContain('| Awaiting reply | 4 |');
    expect(model.tooltip).toContain('| Billing &amp; Sales | 2 |'.replace('&amp;', '\\&'));
    expect(model.tooltip).toContain('Departments 1, 2');
  });

  it('says in the tooltip what is wrong with a hand-written template', () => {
    const model = statusBarModel(
      [view({ value: sampleCounts(), fetchedAt: 0 })],
      { ...options, template: '$(inbox) {awaitng}' },
      t,
    );
    expect(model.text).toBe('$(inbox) {awaitng}');
    expect(model.tooltip).toContain('$(warning) The status bar template has \\{awaitng\\}');
  });

  it('warns at the threshold, and not when the threshold is 0', () => {
    const counts = sampleCounts({ awaitingReply: 10 });
    expect(statusBarModel([view({ value: counts })], options, t).background).toBe('warning');
    expect(
      statusBarModel([view({ value: counts })], { ...options, warningThreshold: 0 }, t).background,
    ).toBeUndefined();
  });

  it('spins while refreshing', () => {
    const model = statusBarModel([view({ value: sampleCounts(), refreshing: true })], options, t);
    expect(model.text).toBe('$(sync~spin) 4');
  });

  it('keeps stale numbers visible, marked stale, on an error background', () => {
    const error = { kind: 'timeout', message: 'WHMCS did not answer in time; try again later.' };
    const model = statusBarModel(
      [view({ value: sampleCounts(), stale: true, error, fetchedAt: 0 })],
      options,
      t,
    );
    expect(model.text).toBe('$(inbox) 4 (stale)');
    expect(model.background).toBe('error');
    expect(model.tooltip).toContain('WHMCS did not answer in time; try again later\\.');
    expect(model.tooltip).toContain('stale');
  });

  it('shows an error without any value', () => {
    const error = { kind: 'authentication', message: 'WHMCS rejected the credentials.' };
    const model = statusBarModel([view({ error, halted: true })], options, t);
    expect(model.text).toBe('$(error) WHMCS');
    expect(model.background).toBe('error');
    expect(model.tooltip).toContain('stopped until you reconnect');
  });

  it('says "not set up" for a connection without a secret instead of calling it stale or failed', () => {
    const error = { kind: 'configuration', message: 'No secret is stored for B.' };
    const model = statusBarModel(
      [view({ value: sampleCounts() }, 'a'), view({ error, halted: true }, 'b')],
      options,
      t,
    );
    expect(model.text).toBe('$(inbox) 4 (1 of 2 not set up)');
    expect(model.background).toBeUndefined();
    const none = statusBarModel([view({ error, halted: true })], options, t);
    expect(none.accessibilityLabel).toBe('WHMCS ticket counts: not set up');
  });

  it('gives the statuses their own heading, apart from the totals and their departments', () => {
    const { tooltip } = statusBarModel([view({ value: sampleCounts() })], options, t);
    const totals = tooltip.indexOf('| Tickets |');
    const departments = tooltip.indexOf('Departments 1, 2');
    const statuses = tooltip.indexOf('| Statuses — all departments |');
    expect(totals).toBeGreaterThanOrEqual(0);
    expect(departments).toBeGreaterThan(totals);
    expect(statuses).toBeGreaterThan(departments);
    expect(tooltip.indexOf('| Open | 3 |')).toBeGreaterThan(statuses);
  });

  it('hides at zero only when asked', () => {
    const zero = [view({ value: sampleCounts({ awaitingReply: 0 }) })];
    expect(statusBarModel(zero, options, t).visible).toBe(true);
    expect(statusBarModel(zero, { ...options, hideWhenZero: true }, t).visible).toBe(false);
  });

  it('stays visible at zero while another connection is not set up', () => {
    const views = [
      view({ value: sampleCounts({ awaitingReply: 0 }) }, 'prod'),
      view(
        { error: { kind: 'configuration', message: 'No secret is stored.' }, halted: true },
        'staging',
      ),
    ];
    const model = statusBarModel(views, { ...options, hideWhenZero: true }, t);
    expect(model.text).toBe('$(inbox) 0 (1 of 2 not set up)');
    expect(model.visible).toBe(true);
  });

  it('sums several connections, or shows the chosen one', () => {
    const views = [
      view({ value: sampleCounts() }, 'prod'),
      view({ value: sampleCounts({ awaitingReply: 2 }) }, 'staging'),
    ];
    expect(statusBarModel(views, options, t).text).toBe('$(inbox) 6');
    expect(statusBarModel(views, { ...options, connectionId: 'staging' }, t).text).toBe(
      '$(inbox) 2',
    );
    expect(statusBarModel(views, options, t).tooltip).toContain('**staging**');
  });

  it('escapes markdown in status titles from the server', () => {
    const counts = sampleCounts({
      status: { x: { title: '[click](command:evil)', count: 1 } },
    });
    const model = statusBarModel([view({ value: counts })], options, t);
    expect(model.tooltip).not.toContain('[click](command:evil)');
    expect(model.tooltip).toContain('\\[click\\]\\(command:evil\\)');
  });

  it('keeps a status title like "$(zap) Zap" text: no icon in the tooltip', () => {
    const counts = sampleCounts({ status: { zap: { title: '$(zap) Zap', count: 1 } } });
    const model = statusBarModel([view({ value: counts })], options, t);
    // The tooltip renders icons (supportThemeIcons) after Markdown: after Markdown's own escapes
    // are undone, "\$(zap)" must remain, as VS Code's MarkdownString.appendText writes it.
    expect(model.tooltip).toContain('| \\\\$\\(zap\\) Zap | 1 |');
  });
});
