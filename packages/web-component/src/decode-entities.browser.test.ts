import { decodeHtmlEntities } from '@whmcs-ticket-counts/core/browser';
import { describe, expect, it, vi } from 'vitest';
import { decodeEntities } from './decode-entities.js';

describe('decodeEntities', () => {
  it.each([
    'Billing &amp; Sales',
    '&lt;b&gt;not bold&lt;/b&gt;',
    '&quot;quoted&quot; &#039;single&#39; &apos;',
    'R&eacute;ponse &Uuml;ber caf&#233; &#xE9;&#XE9;',
    'a&nbsp;b &hellip; &mdash; &euro; &#128512;',
    'A &amp;amp; B &amp;lt;',
    '&bogus; & ; plain',
  ])('decodes %j as core does', (input) => {
    expect(decodeEntities(input)).toBe(decodeHtmlEntities(input));
  });

  it('keeps markup as literal text and never runs it', async () => {
    const alerts = vi.fn();
    const original = window.alert;
    window.alert = alerts;
    try {
      const markup = '<img src=x onerror=alert(1)></textarea><script>alert(2)</script>';
      expect(decodeEntities(`&amp; ${markup}`)).toBe(`& ${markup}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(alerts).not.toHaveBeenCalled();
    } finally {
      window.alert = original;
    }
  });
});
