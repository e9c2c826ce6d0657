import { decodeHtmlEntities } from './decode-html-entities.js';
import { InvalidConfigurationError } from './errors/invalid-configuration-error.js';
import { resolveWhmcsUrl } from './resolve-whmcs-url.js';
import { wording } from './wording.js';

/** Links into WHMCS's admin area ("open in browser"). */
export interface AdminTicketLinks {
  /** The default ticket list: tickets awaiting reply. */
  awaitingReply: string;
  allActive: string;
  /** Tickets flagged to the admin who is logged in to the browser. */
  flagged: string;
  /** One status; takes the raw title as WHMCS sent it (entities are decoded before encoding). */
  status(title: string): string;
}

// WHMCS's $customadminpath allows only these.
const ADMIN_FOLDER = /^[A-Za-z0-9_-]+$/;

/** `baseUrl` may be anything `resolveWhmcsUrl` accepts; `adminFolder` is WHMCS's renameable admin folder. */
export function adminTicketLinks(baseUrl: string | URL, adminFolder = 'admin'): AdminTicketLinks {
  if (!ADMIN_FOLDER.test(adminFolder)) {
    throw new InvalidConfigurationError(
      wording`The admin folder name may only contain letters, digits, "-" and "_"; set it to the folder name alone, such as admin.`,
      { field: 'adminFolder' },
    );
  }
  const base = resolveWhmcsUrl(String(baseUrl)).baseUrl.href;
  const list = `${base}${adminFolder}/supporttickets.php`;
  return {
    awaitingReply: list,
    allActive: `${list}?view=active`,
    flagged: `${list}?view=flagged`,
    status: (title) => `${list}?view=${encodeURIComponent(decodeHtmlEntities(title))}`,
  };
}
