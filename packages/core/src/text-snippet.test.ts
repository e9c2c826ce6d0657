import { expect, it } from 'vitest';
import { textSnippet } from './text-snippet.js';

it('strips tags, scripts and styles, collapses whitespace and cuts at the limit', () => {
  const html = `<html><head><style>body{color:red}</style><script>var secret = 1;</script>
    <title>Down   for Maintenance</title></head><body>\n<h1>Back</h1>\t<p>soon</p></body></html>`;
  expect(textSnippet(html)).toBe('Down for Maintenance Back soon');
  const long = textSnippet(`<p>${'word '.repeat(100)}</p>`, 50);
  expect(long).toHaveLength(50);
  expect(long.endsWith('…')).toBe(true);
});
