import { describe, expect, it } from 'vitest';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { resolveWhmcsUrl } from './resolve-whmcs-url.js';

function urls(input: string) {
  const { baseUrl, apiUrl, insecure } = resolveWhmcsUrl(input);
  return { base: baseUrl.href, api: apiUrl.href, insecure };
}

describe('resolveWhmcsUrl', () => {
  it.each([
    ['https://billing.example.com', 'https://billing.example.com/'],
    ['https://billing.example.com/', 'https://billing.example.com/'],
    ['https://example.com/billing', 'https://example.com/billing/'],
    ['https://example.com/billing/', 'https://example.com/billing/'],
    ['https://example.com/billing/includes/api.php', 'https://example.com/billing/'],
    ['https://example.com/includes/api.php', 'https://example.com/'],
    ['https://example.com/billing/includes/api.php?action=x#top', 'https://example.com/billing/'],
    ['https://example.com/billing/?foo=bar#hash', 'https://example.com/billing/'],
    ['  https://example.com:8443/a/b/  ', 'https://example.com:8443/a/b/'],
    ['HTTPS://Example.COM/Includes/API.php', 'https://example.com/'],
  ])('%s → base %s', (input, base) => {
    const resolved = urls(input);
    expect(resolved.base).toBe(base);
    expect(resolved.api).toBe(`${base}includes/api.php`);
    expect(resolved.insecure).toBe(false);
  });

  it('marks plain http as insecure', () => {
    expect(urls('http://127.0.0.1:8080/whmcs')).toEqual({
      base: 'http://127.0.0.1:8080/whmcs/',
      api: 'http://127.0.0.1:8080/whmcs/includes/api.php',
      insecure: true,
    });
  });

  it.each([
    [''],
    ['   '],
    ['billing.example.com'],
    ['ftp://example.com/'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['localhost:8080'],
    ['https://'],
  ])('rejects %j with an InvalidConfigurationError', (input) => {
    expect(() => resolveWhmcsUrl(input)).toThrow(InvalidConfigurationError);
  });

  it('rejects credentials in the URL without echoing them', () => {
    for (const input of [
      'https://admin:Hunter2-Secret@example.com/billing/',
      'https://only-user-Zq9@example.com/',
    ]) {
      let caught: unknown;
      try {
        resolveWhmcsUrl(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidConfigurationError);
      const error = caught as InvalidConfigurationError;
      expect(error.message).toMatch(/user name or password/);
      // Finding 12: no front end's setting names; a front end maps `field` to its own option.
      expect(error.message).toMatch(
        /remove the user name and password from the URL and give the credentials separately\.$/,
      );
      expect(error.message).not.toMatch(/setting/);
      expect(error.field).toBe('url');
      expect(error.message).not.toMatch(/Hunter2|only-user|admin:/);
      expect(String(error.stack)).not.toMatch(/Hunter2/);
    }
  });

  it('marks every rejection with field "url"', () => {
    for (const input of ['', 'no url', 'ftp://example.com/', 'https://u:p@example.com/']) {
      try {
        resolveWhmcsUrl(input);
      } catch (error) {
        expect((error as InvalidConfigurationError).field).toBe('url');
        continue;
      }
      throw new Error(`expected ${input} to be rejected`);
    }
  });
});
