import { describe, expect, it } from 'vitest';
import {
  renderStatusTemplate,
  templateNeedsStatuses,
  templateProblems,
} from './status-template.js';
import { sampleCounts } from './test-counts.js';
import { formatMessage as t } from './translate.js';

describe('renderStatusTemplate', () => {
  it('shows the awaiting count with the inbox icon by default', () => {
    expect(renderStatusTemplate('$(inbox) {awaiting}', sampleCounts())).toBe('$(inbox) 4');
    expect(renderStatusTemplate('  ', sampleCounts())).toBe('$(inbox) 4');
  });

  it('fills every placeholder and keeps other text', () => {
    expect(renderStatusTemplate('{awaiting}/{active} ⚑{flagged}', sampleCounts())).toBe('4/12 ⚑1');
  });

  it('finds statuses by decoded title, ignoring case', () => {
    const counts = sampleCounts();
    expect(renderStatusTemplate('{status:on hold}', counts)).toBe('0');
    expect(renderStatusTemplate('{status:Billing & Sales}', counts)).toBe('2');
    expect(renderStatusTemplate('{status:Nope}', counts)).toBe('–');
  });

  it('shows a dash for counts the server switched off', () => {
    const counts = sampleCounts({ awaitingReply: null, countsDisabled: true });
    expect(renderStatusTemplate('{awaiting}', counts)).toBe('–');
  });

  it('knows when statuses must be requested', () => {
    expect(templateNeedsStatuses('{status:Open}')).toBe(true);
    expect(templateNeedsStatuses('{awaiting}')).toBe(false);
  });

  it('reads placeholder names in any case, as a settings.json typo like {Awaiting} means', () => {
    expect(renderStatusTemplate('{Awaiting}/{ACTIVE} {Status:open}', sampleCounts())).toBe(
      '4/12 3',
    );
  });
});

describe('templateProblems', () => {
  it('says which placeholder is unknown and which status title this WHMCS lacks, with the fix', () => {
    const counts = sampleCounts();
    expect(templateProblems('$(inbox) {awaiting} {status:Billing & Sales}', counts, t)).toEqual([]);
    expect(templateProblems('{awaitng} {status:} {status:Nope}', counts, t)).toEqual([
      'The status bar template has {awaitng}, which is not a placeholder; use {awaiting}, {active}, {flagged} or {status:Title}.',
      'The status bar template has {status:}, which is not a placeholder; use {awaiting}, {active}, {flagged} or {status:Title}.',
      'The status bar template names the status "Nope", which this WHMCS does not have; use a title from the Statuses group, such as "Open".',
    ]);
    // Without statuses to compare with (not loaded yet), titles are not judged.
    expect(templateProblems('{status:Nope}', sampleCounts({ status: undefined }), t)).toEqual([]);
    // Codicons and other braces-free text are not placeholders.
    expect(templateProblems('$(zap) WHMCS: {flagged}', counts, t)).toEqual([]);
  });
});
