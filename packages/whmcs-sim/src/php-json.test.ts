import { describe, expect, it } from 'vitest';
import { encodePhpJson } from './php-json.js';

describe('encodePhpJson', () => {
  it('escapes like json_encode with default flags', () => {
    expect(encodePhpJson('a/b "c" \\ é 😀\n\u0001')).toBe(
      '"a\\/b \\"c\\" \\\\ \\u00e9 \\ud83d\\ude00\\n\\u0001"',
    );
    expect(JSON.parse(encodePhpJson('a/b "c" \\ é 😀\n\u0001'))).toBe('a/b "c" \\ é 😀\n\u0001');
  });

  it('leaves DEL (0x7f) as it is, escaping only control characters below 0x20 and non-ASCII', () => {
    expect(encodePhpJson('a\u007fb\u0080')).toBe('"a\u007fb\\u0080"');
  });

  it('turns keyed arrays with keys 0..n-1 into lists and empty ones into []', () => {
    expect(encodePhpJson(new Map())).toBe('[]');
    expect(
      encodePhpJson(
        new Map([
          ['0', 'a'],
          ['1', 'b'],
        ]),
      ),
    ).toBe('["a","b"]');
    expect(encodePhpJson(new Map([['1', 'a']]))).toBe('{"1":"a"}');
  });

  it('keeps insertion order of keyed arrays, numeric keys included', () => {
    expect(
      encodePhpJson(
        new Map<string, number>([
          ['b', 1],
          ['10', 2],
          ['', 3],
        ]),
      ),
    ).toBe('{"b":1,"10":2,"":3}');
  });

  it('encodes scalars and nested lists', () => {
    expect(encodePhpJson([1, '2', null, true, false, []])).toBe('[1,"2",null,true,false,[]]');
  });
});
