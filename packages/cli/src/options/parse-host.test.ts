import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { parseHost } from './parse-host.js';

describe('parseHost', () => {
  it('defaults to loopback and takes an IPv6 address written as in a URL', () => {
    expect(parseHost(undefined)).toBe('127.0.0.1');
    expect(parseHost('[::1]')).toBe('::1');
    expect(parseHost(' 0.0.0.0 ')).toBe('0.0.0.0');
  });

  it.each(['', '   ', '[]'])('refuses %j, which Node would bind to every interface', (value) => {
    expect(() => parseHost(value)).toThrow(UsageError);
  });
});
