import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { wording } from './wording.js';

export interface ResolvedWhmcsUrl {
  /** WHMCS's base URL, always ending in `/`. */
  baseUrl: URL;
  /** `<base>/includes/api.php`. */
  apiUrl: URL;
  /** Plain http: the credential crosses the network readable. */
  insecure: boolean;
}

const API_PATH = /\/includes\/api\.php\/*$/i;

/**
 * Accepts what users paste — a base URL, a sub-folder URL (with or without the trailing slash) or
 * the full `.../includes/api.php` URL, even with a query or hash — and derives both URLs.
 * Messages never echo the input: it might hold a password.
 */
export function resolveWhmcsUrl(input: string): ResolvedWhmcsUrl {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) {
    throw new InvalidConfigurationError(
      wording`The WHMCS URL is empty; set it to the address of your WHMCS, such as https://billing.example.com/.`,
      { field: 'url' },
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidConfigurationError(
      wording`The WHMCS URL is not a valid URL; write it in full, such as https://billing.example.com/.`,
      { field: 'url' },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidConfigurationError(
      wording`The WHMCS URL must start with https:// (or http://); write it in full, such as https://billing.example.com/.`,
      { field: 'url' },
    );
  }
  if (url.username || url.password) {
    throw new InvalidConfigurationError(
      wording`The WHMCS URL contains a user name or password; remove the user name and password from the URL and give the credentials separately.`,
      { field: 'url' },
    );
  }
  if (!url.hostname) {
    throw new InvalidConfigurationError(
      wording`The WHMCS URL has no host name; write it in full, such as https://billing.example.com/.`,
      { field: 'url' },
    );
  }
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(API_PATH, '/');
  if (!path.endsWith('/')) path += '/';
  url.pathname = path;
  const baseUrl = url;
  return {
    baseUrl,
    apiUrl: new URL('includes/api.php', baseUrl),
    insecure: baseUrl.protocol === 'http:',
  };
}
