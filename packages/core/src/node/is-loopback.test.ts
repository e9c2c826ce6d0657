import { expect, it } from 'vitest';
import { isLoopbackHost } from './is-loopback.js';

it('knows loopback hosts as URL.hostname spells them', () => {
  for (const url of [
    'http://localhost:8080/',
    'http://LOCALHOST/',
    'http://whmcs.localhost/',
    'http://127.0.0.1/',
    'http://127.1.2.3/',
    'http://[::1]:9/',
  ]) {
    expect(isLoopbackHost(new URL(url).hostname)).toBe(true);
  }
  for (const url of [
    'https://example.com/',
    'http://128.0.0.1/',
    'http://[::2]/',
    'http://localhost.example.com/',
    'http://10.0.0.1/',
  ]) {
    expect(isLoopbackHost(new URL(url).hostname)).toBe(false);
  }
});
