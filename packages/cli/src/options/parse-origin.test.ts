import { describe, expect, it } from 'vitest';
import { parseOrigin } from './parse-origin.js';

describe('parseOrigin', () => {
  it.each([
    ['https://intranet.example.test', 'https://intranet.example.test'],
    ['https://intranet.example.test/', 'https://intranet.example.test'],
    ['https://Intranet.Example.test:8443', 'https://intranet.example.test:8443'],
    ['http://localhost:5173', 'http://localhost:5173'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseOrigin(input)).toBe(origin);
  });

  it.each([
    'intranet.example.test',
    'https://intranet.example.test/page',
    'https://intranet.example.test/?x',
    'https://user@intranet.example.test',
    'file:///tmp/page.html',
  ])('refuses %s', (input) => {
    expect(() => parseOrigin(input)).toThrow(/^--allow-origin takes an origin such as/);
  });

  it.each(['*', 'https://*.example.test', 'https://intranet.example.test:*', 'http://*'])(
    'refuses the wildcard %s and says to list every origin',
    (input) => {
      expect(() => parseOrigin(input)).toThrow(
        '--allow-origin takes exact origins, not wildcards; repeat it for each site, such as --allow-origin https://a.example.com --allow-origin https://b.example.com.',
      );
    },
  );
});
