import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { UsageError } from '../usage-error.js';
import { resolveConnection } from './resolve-connection.js';

const tempDir = useTempDir();
const url = 'https://billing.example.test/';

describe('resolveConnection', () => {
  it('builds an API-credential connection from the environment alone', async () => {
    const resolved = await resolveConnection(
      {},
      {
        WHMCS_URL: url,
        WHMCS_IDENTIFIER: 'ident',
        WHMCS_SECRET: 'env-secret',
        WHMCS_ACCESS_KEY: 'key!@#',
      },
    );
    expect(resolved.connection).toEqual({
      url,
      auth: { kind: 'api-credential', identifier: 'ident', secret: 'env-secret' },
      accessKey: 'key!@#',
    });
    expect(resolved.warnings).toEqual([]);
    expect(resolved.secrets).toEqual(['env-secret', 'key!@#']);
  });

  it('lets flags win over the environment, and a secret file over WHMCS_SECRET', async () => {
    const file = join(tempDir(), 'secret');
    writeFileSync(file, 'file-secret\n', { mode: 0o600 });
    const resolved = await resolveConnection(
      {
        url: 'https://other.test/billing/',
        identifier: 'flag-ident',
        'secret-file': file,
        'admin-folder': 'staff_area',
      },
      { WHMCS_URL: url, WHMCS_IDENTIFIER: 'ident', WHMCS_SECRET: 'env-secret' },
    );
    expect(resolved.connection).toEqual({
      url: 'https://other.test/billing/',
      auth: { kind: 'api-credential', identifier: 'flag-ident', secret: 'file-secret' },
      adminFolder: 'staff_area',
    });
  });

  it('uses a legacy admin login with WHMCS_ADMIN_PASSWORD', async () => {
    const resolved = await resolveConnection(
      { 'admin-username': 'jane' },
      { WHMCS_URL: url, WHMCS_SECRET: 'not-this', WHMCS_ADMIN_PASSWORD: 'admin-pass' },
    );
    expect(resolved.connection.auth).toEqual({
      kind: 'admin-login',
      username: 'jane',
      password: 'admin-pass',
    });
  });

  it('accepts the access key as a flag but warns that argv is public', async () => {
    const resolved = await resolveConnection(
      { 'access-key': 'flag-key' },
      { WHMCS_URL: url, WHMCS_IDENTIFIER: 'i', WHMCS_SECRET: 's', WHMCS_ACCESS_KEY: 'env-key' },
    );
    expect(resolved.connection.accessKey).toBe('flag-key');
    expect(resolved.warnings).toEqual([
      '--access-key on the command line is visible to other users of this machine; prefer the WHMCS_ACCESS_KEY environment variable.',
    ]);
  });

  it.each([
    [{}, {}, 'No WHMCS URL given; pass --url URL or set WHMCS_URL.'],
    [{ url }, {}, /^No API credential given; pass --identifier ID or set WHMCS_IDENTIFIER/],
    [
      { url, identifier: 'i' },
      {},
      'No API secret given; set WHMCS_SECRET or pass --secret-file PATH (never the secret itself on the command line).',
    ],
    [
      { url, 'admin-username': 'jane' },
      { WHMCS_SECRET: 's' },
      /^No admin password given; set WHMCS_ADMIN_PASSWORD/,
    ],
    [
      { url, identifier: 'i', 'admin-username': 'jane' },
      { WHMCS_SECRET: 's' },
      /^Both --identifier and --admin-username/,
    ],
    [
      { url },
      { WHMCS_IDENTIFIER: 'i', WHMCS_ADMIN_USERNAME: 'jane', WHMCS_SECRET: 's' },
      /^Both WHMCS_IDENTIFIER and WHMCS_ADMIN_USERNAME are set/,
    ],
    [
      { url, identifier: 'i', 'admin-folder': '../x' },
      { WHMCS_SECRET: 's' },
      /^--admin-folder takes the admin folder name only/,
    ],
  ])('refuses %j with env %j as a usage error naming what to set', async (flags, env, message) => {
    const attempt = resolveConnection(flags, env);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(resolveConnection(flags, env)).rejects.toThrow(message);
  });

  it('counts a password inside the URL among the secrets to scrub', async () => {
    const resolved = await resolveConnection(
      { url: 'https://proxy-user:pr%40xy-pass@billing.example.test/' },
      { WHMCS_IDENTIFIER: 'i', WHMCS_SECRET: 'env-secret' },
    );
    expect(resolved.secrets).toEqual(['env-secret', 'pr@xy-pass']);
  });

  it('treats empty environment variables as unset', async () => {
    await expect(resolveConnection({ url, identifier: 'i' }, { WHMCS_SECRET: '' })).rejects.toThrow(
      /No API secret given/,
    );
  });
});
