import { describe, expect, it } from 'vitest';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { resolveWhmcsUrl } from './resolve-whmcs-url.js';

function urls(input: string) {
  const { baseUrl, apiUrl, insecure } = resolveWhmcsUrl(input);
  return { base: baseUrl.href, api: apiUrl.href, insecure };
}

/** The InvalidConfigurationError resolveWhmcsUrl throws for this input (fails the test if none). */
function refusal(input: string, adminFolder?: string): InvalidConfigurationError {
  let caught: unknown;
  try {
    resolveWhmcsUrl(input, adminFolder === undefined ? {} : { adminFolder });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidConfigurationError);
  return caught as InvalidConfigurationError;
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
    // The API URL cut short: its folder holds no WHMCS of its own.
    ['https://example.com/billing/includes/', 'https://example.com/billing/'],
    ['https://example.com/includes', 'https://example.com/'],
  ])('%s → base %s', (input, base) => {
    const resolved = urls(input);
    expect(resolved.base).toBe(base);
    expect(resolved.api).toBe(`${base}includes/api.php`);
    expect(resolved.insecure).toBe(false);
  });

  // Staff copy the address bar while looking at WHMCS: a page of it leads to its base URL.
  it.each([
    ['https://billing.example.com/index.php', 'https://billing.example.com/'],
    ['https://example.com/billing/clientarea.php?action=services', 'https://example.com/billing/'],
    ['https://example.com/billing/submitticket.php#top', 'https://example.com/billing/'],
    ['https://example.com/billing/Index.PHP', 'https://example.com/billing/'],
  ])('takes the WHMCS page %s to base %s', (input, base) => {
    expect(urls(input).base).toBe(base);
  });

  it.each([
    ['https://billing.example.com/admin/'],
    ['https://billing.example.com/admin'],
    ['https://billing.example.com/admin/supporttickets.php?view=flagged'],
    ['https://example.com/billing/admin/index.php'],
    ['https://example.com/billing/Admin/'],
  ])('refuses the admin-area address %s, saying what to give instead', (input) => {
    const error = refusal(input);
    expect(error.field).toBe('url');
    expect(error.message).toMatch(/admin area/);
    expect(error.message).toMatch(/without the admin folder/);
    // The base it suggests is the input up to the admin folder.
    const base = input.slice(0, input.toLowerCase().indexOf('/admin') + 1);
    expect(error.message).toContain(base);
  });

  // WHMCS advises renaming the admin folder; its address bar then reads /staff/supporttickets.php.
  it('refuses the address of a renamed admin folder when told its name', () => {
    const error = refusal('https://billing.example.com/staff/supporttickets.php?view=any', 'staff');
    expect(error.message).toBe(
      "The WHMCS URL is the admin area's address; give WHMCS's own address, without the admin folder: https://billing.example.com/.",
    );
    expect(refusal('https://example.com/billing/Staff/', 'staff').message).toMatch(
      /folder: https:\/\/example\.com\/billing\/\.$/,
    );
    // The default name still counts, and a folder merely named alike does not.
    expect(refusal('https://billing.example.com/admin/', 'staff').field).toBe('url');
    expect(
      resolveWhmcsUrl('https://example.com/staffroom/', { adminFolder: 'staff' }).baseUrl.href,
    ).toBe('https://example.com/staffroom/');
    // A name that is no folder name (as the schema refuses) is not turned into a pattern.
    expect(resolveWhmcsUrl('https://example.com/x/', { adminFolder: '.*' }).baseUrl.href).toBe(
      'https://example.com/x/',
    );
  });

  it('still accepts WHMCS installed in a folder named admin when given the full API URL', () => {
    expect(urls('https://example.com/admin/includes/api.php').base).toBe(
      'https://example.com/admin/',
    );
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
      const error = refusal(input);
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
