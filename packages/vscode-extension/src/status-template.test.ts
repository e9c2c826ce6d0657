import { describe, expect, it } from 'vitest';
import { renderStatusTemplate, templateNeedsStatuses } from './status-template.js';
import { sampleCounts } from './test-counts.js';

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
});
