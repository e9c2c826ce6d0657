import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createHostCheck, isLoopbackHost } from './host-check.js';

const withHost = (host: string | undefined) => ({ headers: { host } }) as IncomingMessage;

describe('createHostCheck', () => {
  it('accepts only loopback names when bound to loopback', () => {
    const check = createHostCheck('127.0.0.1');
    for (const host of [
      '127.0.0.1:8787',
      'localhost:8787',
      'LOCALHOST',
      '[::1]:8787',
      '127.1.2.3',
    ]) {
      expect(check(withHost(host)), host).toBe(true);
    }
    for (const host of [
      'attacker.example',
      'attacker.example:8787',
      'localhost.attacker.example',
      undefined,
    ]) {
      expect(check(withHost(host)), String(host)).toBe(false);
    }
  });

  it('accepts any Host when the operator bound to a public address', () => {
    expect(createHostCheck('0.0.0.0')(withHost('relay.internal'))).toBe(true);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.0.0.2'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '::', '192.168.1.2', '127.example'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    // Other spellings of the same addresses.
    for (const host of [
      'LOCALHOST',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    // A fully qualified name ends in a dot; it names the same host (RFC 6761 reserves localhost.).
    for (const host of ['localhost.', 'LOCALHOST.', '127.0.0.1.', '127.0.0.2.']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '::ffff:192.168.1.2',
      '::2',
      'fe80::1%eth0',
      '127.0.0.1.example',
      'localhost..',
      '[::1].',
      '.',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
