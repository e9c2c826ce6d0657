import { describe, expect, it } from 'vitest';
import { AwaitingRiseDetector } from './awaiting-rise.js';
import {
  isInsecureRemoteUrl,
  validateAccessKey,
  validateRequired,
  validateWhmcsUrl,
} from './connect-validation.js';
import { ConnectionSecretStore, SecretStorageUnavailableError } from './connection-secrets.js';
import { decodeTitle } from './decode-title.js';
import { refreshIntervalMs, resumeDelayMs, retryBackoff } from './refresh-interval.js';
import { sumTicketCounts } from './sum-ticket-counts.js';
import { sampleCounts } from './test-counts.js';
import { formatMessage as t } from './translate.js';

describe('refreshIntervalMs', () => {
  it('turns 0 and junk into "off" and raises short intervals to the minimum', () => {
    expect(refreshIntervalMs(0)).toBe(0);
    expect(refreshIntervalMs(-5)).toBe(0);
    expect(refreshIntervalMs('60')).toBe(0);
    expect(refreshIntervalMs(5)).toBe(30_000);
    expect(refreshIntervalMs(90)).toBe(90_000);
    expect(refreshIntervalMs(2, 1)).toBe(2_000);
  });
});

describe('retryBackoff', () => {
  it('never retries a failing server sooner than the refresh interval, jitter included', () => {
    const backoff = retryBackoff(10_000);
    expect(backoff.initialMs * (1 - backoff.jitter)).toBeGreaterThanOrEqual(10_000);
    expect(backoff.maxMs).toBe(10 * 60_000);
    // Intervals above the cap still keep maxMs >= initialMs, as core requires.
    const slow = retryBackoff(3_600_000);
    expect(slow.maxMs).toBeGreaterThanOrEqual(slow.initialMs);
    // Automatic refresh off: a retry after a failure still waits a sane time.
    expect(retryBackoff(0).initialMs).toBeGreaterThan(0);
  });
});

describe('resumeDelayMs', () => {
  it('refreshes at once on focus unless the counts are younger than the minimum interval', () => {
    expect(resumeDelayMs(undefined, 100_000)).toBe(0);
    expect(resumeDelayMs(10_000, 100_000)).toBe(0);
    expect(resumeDelayMs(90_000, 100_000)).toBe(20_000);
    expect(resumeDelayMs(99_000, 100_000, 3)).toBe(2_000);
  });
});

describe('decodeTitle', () => {
  it('decodes the entities WHMCS stores', () => {
    expect(decodeTitle('Billing &amp; Sales')).toBe('Billing & Sales');
    expect(decodeTitle('&lt;b&gt; &#39;x&#x27; &quot;')).toBe(`<b> 'x' "`);
    expect(decodeTitle('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});

describe('sumTicketCounts', () => {
  it('adds totals and statuses by decoded title and claims no department filter', () => {
    const sum = sumTicketCounts([
      sampleCounts(),
      sampleCounts({ awaitingReply: null, status: { x: { title: 'Billing & Sales', count: 5 } } }),
    ]);
    expect(sum?.awaitingReply).toBe(4);
    expect(sum?.allActive).toBe(24);
    expect(sum?.status?.['Billing & Sales']?.count).toBe(7);
    expect(sum?.filteredDepartments).toEqual([]);
    expect(sumTicketCounts([])).toBeUndefined();
  });
});

describe('AwaitingRiseDetector', () => {
  it('reports rises only, at most once per interval per connection', () => {
    let now = 0;
    const detector = new AwaitingRiseDetector({ minimumIntervalMs: 600_000, now: () => now });
    const counts = (awaitingReply: number | null) => sampleCounts({ awaitingReply });
    expect(detector.check('a', undefined, counts(4))).toBeUndefined();
    expect(detector.check('a', counts(4), counts(3))).toBeUndefined();
    expect(detector.check('a', counts(3), counts(6))).toBe(3);
    now = 60_000;
    expect(detector.check('a', counts(6), counts(8))).toBeUndefined();
    expect(detector.check('b', counts(1), counts(2))).toBe(1);
    now = 660_000;
    expect(detector.check('a', counts(8), counts(9))).toBe(1);
    expect(detector.check('a', counts(null), counts(9))).toBeUndefined();
  });
});

describe('Connect… validation', () => {
  it('accepts http(s) URLs only, without embedded credentials', () => {
    expect(validateWhmcsUrl('https://billing.example.com/', t)).toBeUndefined();
    expect(validateWhmcsUrl('', t)).toMatch(/Enter the address/);
    expect(validateWhmcsUrl('billing.example.com', t)).toMatch(/https:\/\//);
    expect(validateWhmcsUrl('ftp://x/', t)).toMatch(/Only https/);
    expect(validateWhmcsUrl('https://u:p@x/', t)).toMatch(/credentials out/);
  });

  it('checks required fields and access key characters', () => {
    expect(validateRequired(' ', 'API identifier', t)).toBe('Enter the API identifier.');
    expect(validateAccessKey('sim.Access-Key_2026!@#', t)).toBeUndefined();
    expect(validateAccessKey('no spaces', t)).toMatch(/only letters/);
  });

  it('refuses an admin-area address (pasted from the browser) with the base URL to give', () => {
    for (const input of [
      'https://billing.example.com/admin/',
      'https://billing.example.com/admin/supporttickets.php?view=flagged',
    ]) {
      const message = validateWhmcsUrl(input, t);
      expect(message).toMatch(/admin area/);
      expect(message).toContain('https://billing.example.com/.');
    }
    expect(validateWhmcsUrl('https://example.com/whmcs/admin', t)).toContain(
      'https://example.com/whmcs/.',
    );
    // WHMCS really installed in a folder named admin: its full API URL is accepted.
    expect(validateWhmcsUrl('https://example.com/admin/includes/api.php', t)).toBeUndefined();
    expect(validateWhmcsUrl('https://example.com/administration/', t)).toBeUndefined();
    expect(validateWhmcsUrl('https://billing.example.com/clientarea.php', t)).toBeUndefined();
  });

  it('flags plain http to other machines', () => {
    expect(isInsecureRemoteUrl('http://billing.example.com/')).toBe(true);
    expect(isInsecureRemoteUrl('http://127.0.0.1:8080/')).toBe(false);
    expect(isInsecureRemoteUrl('https://billing.example.com/')).toBe(false);
  });
});

describe('ConnectionSecretStore', () => {
  function memoryStorage() {
    const map = new Map<string, string>();
    return {
      map,
      get: async (key: string) => map.get(key),
      store: async (key: string, value: string) => void map.set(key, value),
      delete: async (key: string) => void map.delete(key),
    };
  }

  it('keeps secrets per connection id', async () => {
    const storage = memoryStorage();
    const store = new ConnectionSecretStore(storage);
    await store.set('prod', { secret: 's1', accessKey: 'k1' });
    await store.set('staging', { secret: 's2' });
    expect(await store.get('prod')).toEqual({ secret: 's1', accessKey: 'k1' });
    expect(await store.get('staging')).toEqual({ secret: 's2' });
    await store.delete('prod');
    expect(await store.get('prod')).toBeUndefined();
    expect([...storage.map.keys()]).toEqual(['whmcsTicketCounts.connection.staging']);
    storage.map.set('whmcsTicketCounts.connection.bad', '{not json');
    expect(await store.get('bad')).toBeUndefined();
  });

  it('says plainly when the secret storage fails, without the secret', async () => {
    const failing = {
      get: async () => {
        throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      store: async () => {
        throw new Error('no keyring');
      },
      delete: async () => undefined,
    };
    const store = new ConnectionSecretStore(failing);
    await expect(store.get('prod')).rejects.toBeInstanceOf(SecretStorageUnavailableError);
    const error = await store.set('prod', { secret: 'top-secret' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStorageUnavailableError);
    expect((error as Error).message).toMatch(
      /^VS Code could not save the WHMCS secret .*keyring.*\.$/,
    );
    expect((error as Error).message).not.toContain('top-secret');
  });
});
