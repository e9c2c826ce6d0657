import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from './decode-html-entities.js';

describe('decodeHtmlEntities', () => {
  it.each([
    ['Billing &amp; Sales', 'Billing & Sales'],
    ['&lt;b&gt;not bold&lt;/b&gt;', '<b>not bold</b>'],
    ['&quot;quoted&quot; &#039;single&#39; &apos;', "\"quoted\" 'single' '"],
    ['R&eacute;ponse &Uuml;ber caf&#233; &#xE9;&#XE9;', 'Réponse Über café éé'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&hellip; &mdash; &euro;', '… — €'],
    ['&#128512;', '😀'],
  ])('%j → %j', (input, output) => {
    expect(decodeHtmlEntities(input)).toBe(output);
  });

  it('decodes only once, so double-encoded text keeps one level', () => {
    expect(decodeHtmlEntities('A &amp;amp; B &amp;lt;')).toBe('A &amp; B &lt;');
  });

  it('leaves unknown, unterminated and invalid entities alone', () => {
    expect(decodeHtmlEntities('&bogus; & ; &amp &#0; &#xD800; &#x110000;')).toBe(
      '&bogus; & ; &amp &#0; &#xD800; &#x110000;',
    );
    expect(decodeHtmlEntities('plain text')).toBe('plain text');
  });
});
