import type { WhmcsAuth } from './connection.js';
import { AccessKeyError } from './errors/access-key-error.js';
import { ActionNotAvailableError } from './errors/action-not-available-error.js';
import { AuthenticationError } from './errors/authentication-error.js';
import { IpBannedError } from './errors/ip-banned-error.js';
import { IpNotAllowedError } from './errors/ip-not-allowed-error.js';
import { LicenceError } from './errors/licence-error.js';
import { PermissionError } from './errors/permission-error.js';
import { WhmcsApiError } from './errors/whmcs-api-error.js';
import type { WhmcsError } from './errors/whmcs-error.js';
import { wording } from './wording.js';

const MAX_QUOTED = 200;

/** Maps WHMCS's `{"result":"error","message":…}` to the error class that says what to do. */
export function errorFromWhmcsMessage(
  serverMessage: string,
  authKind: WhmcsAuth['kind'],
  /** The HTTP status it came with: WHMCS answers access problems with 403. */
  httpStatus = 200,
): WhmcsError {
  const text = serverMessage.trim();
  const detail = wording`WHMCS said: ${text}`;
  const credentials =
    authKind === 'api-credential'
      ? wording`API identifier and secret`
      : wording`admin username and password`;

  if (/^authentication failed/i.test(text)) {
    // An API credential typed into the admin login fails just like a wrong password, and its
    // identifier cannot safely be told from a username, so the hint covers both cases.
    const orOtherLogin =
      authKind === 'admin-login'
        ? wording` (or, if they are an API credential's identifier and secret, log in with the API credential instead)`
        : wording``;
    return new AuthenticationError(
      wording`WHMCS rejected the login (Authentication Failed); check the ${credentials}${orOtherLogin} before trying again, because every failed attempt counts toward an IP ban.`,
      { detail },
    );
  }
  if (/^invalid or missing credentials/i.test(text)) {
    return new AuthenticationError(
      wording`WHMCS did not recognise the credentials (Invalid or missing credentials); check that the ${credentials} are filled in and that the API credential still exists in WHMCS.`,
      { detail },
    );
  }
  if (/^invalid password provided/i.test(text)) {
    return new AuthenticationError(
      wording`WHMCS rejected the password (Invalid password provided), which for an admin login must be an MD5 hash; this client already hashes plain-text passwords, so the username is most likely an API identifier — log in with the API credential (identifier and secret) instead.`,
      { detail },
    );
  }
  // v4, v6 or v4-mapped; a sentence-ending full stop is not part of it.
  const ip = /^invalid ip\s+([0-9a-f.:]+)/i.exec(text)?.[1]?.replace(/\.$/, '');
  if (ip) {
    return new IpNotAllowedError(
      wording`WHMCS does not accept API requests from IP ${ip}; add it under Setup › General Settings › Security › API IP Access Restriction, or use an access key.`,
      ip,
      { detail },
    );
  }
  if (/^invalid access ?key/i.test(text)) {
    return new AccessKeyError(
      wording`WHMCS rejected the access key (Invalid Access Key); set it to the value of $api_access_key in WHMCS's configuration.php, or remove it and allow this IP in the API IP Access Restriction instead.`,
      { detail },
    );
  }
  if (/^ip banned/i.test(text)) {
    return new IpBannedError(
      wording`WHMCS has banned this IP address after failed logins (IP Banned); stop, check the credentials, then wait about 15 minutes or ask a WHMCS admin to remove the ban under Banned IPs.`,
      { detail },
    );
  }
  if (/^invalid permissions/i.test(text)) {
    return new PermissionError(
      wording`WHMCS does not allow this credential to call GetTicketCounts (Invalid Permissions); allow GetTicketCounts in its API role under Configuration › System Settings › API Roles.`,
      { detail },
    );
  }
  if (/^access denied/i.test(text)) {
    return new PermissionError(
      wording`WHMCS denied access to the API (Access Denied); give the admin user behind the credential API access and an API role that allows GetTicketCounts.`,
      { detail },
    );
  }
  if (/^(command not found|api function not found)/i.test(text)) {
    return new ActionNotAvailableError(
      wording`This WHMCS does not know the API action GetTicketCounts (${quote(text)}); update WHMCS, or check that the URL points at WHMCS.`,
      { detail },
    );
  }
  if (/licen[cs]e/i.test(text)) {
    return new LicenceError(
      wording`WHMCS refused the API call because of its licence (${quote(text)}); renew or reissue the WHMCS licence.`,
      { detail },
    );
  }
  if (/^empty action request/i.test(text)) {
    return new WhmcsApiError(
      wording`WHMCS received no action (Empty action request), so the request body was lost on the way, often by a redirect or proxy; use the final https:// URL of WHMCS and check proxies in between.`,
      text,
      { detail },
    );
  }
  if (!text) {
    return new WhmcsApiError(
      wording`WHMCS answered with an error but gave no message; check WHMCS's activity log for the cause.`,
      text,
      { detail },
    );
  }
  const unknown = wording`WHMCS answered with an error (${quote(text)}); check the message and WHMCS's activity log.`;
  // WHMCS sends access problems (logins among them) with 403: one we cannot name stops polling.
  if (httpStatus === 403) return new WhmcsApiError(unknown, text, { detail });
  // Otherwise it may be passing (a database hiccup): retried, so a relay or an editor does not
  // stop for good, but never faster than WHMCS's 30-minute window for failed logins, in case
  // WHMCS counted it as one.
  return new WhmcsApiError(
    unknown,
    text,
    { detail, retryAfterMs: UNKNOWN_ERROR_RETRY_MS },
    { retryable: true, stopsPolling: false },
  );
}

/** Longer than the window in which WHMCS counts 3 failed logins towards a ban. */
const UNKNOWN_ERROR_RETRY_MS = 31 * 60_000;

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine;
}
