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
/** A WHMCS page (`index.php`, `clientarea.php`, …) at the end of a path copied from the address bar. */
const PAGE_PATH = /\/[^/]+\.php$/i;
/** The API URL cut short (`…/includes/`): WHMCS's own folder, never a WHMCS of its own. */
const INCLUDES_PATH = /\/includes\/*$/i;
/** A name `adminFolder` may have (as the connection schema checks), safe to put in a pattern. */
const FOLDER_NAME = /^[\w-]+$/;

/** WHMCS's admin folder (default or renamed), last in a path: the admin area's address. */
function adminFolderPath(adminFolder: string | undefined): RegExp {
  const names =
    adminFolder !== undefined && FOLDER_NAME.test(adminFolder) && adminFolder !== 'admin'
      ? `admin|${adminFolder}`
      : 'admin';
  return new RegExp(`/(?:${names})/?$`, 'i');
}

export interface ResolveWhmcsUrlOptions {
  /** A renamed admin folder, so that its address is recognised too (`admin` always is). */
  adminFolder?: string | undefined;
}

/**
 * Accepts what users paste — a base URL, a sub-folder URL (with or without the trailing slash),
 * the full `.../includes/api.php` URL or a WHMCS page such as `.../clientarea.php`, even with a
 * query or hash — and derives both URLs. The admin area's address is refused with the base to use.
 * Messages never echo the input: it might hold a password.
 */
export function resolveWhmcsUrl(
  input: string,
  options: ResolveWhmcsUrlOptions = {},
): ResolvedWhmcsUrl {
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
  const givenApiUrl = API_PATH.test(url.pathname);
  let path = givenApiUrl
    ? url.pathname.replace(API_PATH, '/')
    : url.pathname.replace(PAGE_PATH, '/').replace(INCLUDES_PATH, '/');
  // Only the full API URL can say that WHMCS itself lives in a folder named admin.
  const adminFolder = adminFolderPath(options.adminFolder);
  if (!givenApiUrl && adminFolder.test(path)) {
    url.pathname = path.replace(adminFolder, '/');
    throw new InvalidConfigurationError(
      wording`The WHMCS URL is the admin area's address; give WHMCS's own address, without the admin folder: ${url.href}.`,
      { field: 'url' },
    );
  }
  if (!path.endsWith('/')) path += '/';
  url.pathname = path;
  const baseUrl = url;
  return {
    baseUrl,
    apiUrl: new URL('includes/api.php', baseUrl),
    insecure: baseUrl.protocol === 'http:',
  };
}
