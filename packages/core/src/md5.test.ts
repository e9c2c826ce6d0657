import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isMd5Hex, md5Hex } from './md5.js';

describe('md5Hex', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5Hex('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toBe(
      'd174ab98d277d9f5a5611c2c9f419d9f',
    );
    expect(md5Hex('1234567890'.repeat(8))).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('hashes the UTF-8 bytes, like PHP md5() on a UTF-8 password', () => {
    for (const text of ['pässwörd', 'пароль', '密码🔑', 'tab\tand space ']) {
      expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
    }
  });

  it('agrees with node:crypto around the 55/56/64-byte padding boundaries', () => {
    for (let length = 50; length <= 130; length++) {
      const text = 'x'.repeat(length);
      expect(md5Hex(text)).toBe(createHash('md5').update(text).digest('hex'));
    }
  });
});

describe('isMd5Hex', () => {
  it('accepts 32 hex digits in either case and nothing else', () => {
    expect(isMd5Hex('d41d8cd98f00b204e9800998ecf8427e')).toBe(true);
    expect(isMd5Hex('D41D8CD98F00B204E9800998ECF8427E')).toBe(true);
    expect(isMd5Hex('d41d8cd98f00b204e9800998ecf8427')).toBe(false);
    expect(isMd5Hex('g41d8cd98f00b204e9800998ecf8427e')).toBe(false);
    expect(isMd5Hex(' d41d8cd98f00b204e9800998ecf8427e')).toBe(false);
  });
});
