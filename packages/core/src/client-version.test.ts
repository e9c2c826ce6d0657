import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CLIENT_VERSION } from './client-version.js';

it("CLIENT_VERSION equals package.json's version (it goes into the User-Agent)", () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect(CLIENT_VERSION).toBe(pkg.version);
});
