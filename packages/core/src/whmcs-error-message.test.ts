import { describe, expect, it } from 'vitest';
import { AccessKeyError } from './errors/access-key-error.js';
import { ActionNotAvailableError } from './errors/action-not-available-error.js';
import { AuthenticationError } from './errors/authentication-error.js';
import { IpBannedError } from './errors/ip-banned-error.js';
import { IpNotAllowedError } from './errors/ip-not-allowed-error.js';
import { LicenceError } from './errors/licence-error.js';
import { PermissionError } from './errors/permission-error.js';
import { WhmcsApiError } from './errors/whmcs-api-error.js';
import { expectOneSentence } from './test-support/expect-safe-error.js';
import { errorFromWhmcsMessage } from './whmcs-error-message.js';

describe('errorFromWhmcsMessage', () => {
  it.each([
    ['Authentication Failed', AuthenticationError, /IP ban/],
    ['Invalid or missing credentials', AuthenticationError, /identifier and secret/],
    ['Invalid password provided', AuthenticationError, /MD5.*API identifier/],
    [
      'Invalid IP 198.51.100.4',
      IpNotAllowedError,
      /198\.51\.100\.4.*API IP Access Restriction, or use an access key/,
    ],
    ['Invalid Access Key', AccessKeyError, /api_access_key/],
    ['IP Banned', IpBannedError, /stop.*15 minutes.*remove the ban/],
    [
      'Invalid Permissions: API action "getticketcounts" is not allowed',
      PermissionError,
      /API Roles/,
    ],
    ['Access Denied', PermissionError, /API access/],
    ['Command Not Found', ActionNotAvailableError, /GetTicketCounts/],
    ['API Function Not Found', ActionNotAvailableError, /GetTicketCounts/],
    ['Your license key has expired', LicenceError, /licence/],
    ['License Checking Error', LicenceError, /licence/],
    ['Empty action request', WhmcsApiError, /redirect or proxy/],
    ['', WhmcsApiError, /no message/],
  ])('%j → %o', (serverMessage, errorClass, hint) => {
    const error = errorFromWhmcsMessage(serverMessage, 'api-credential');
    expect(error).toBeInstanceOf(errorClass);
    expect(error.message).toMatch(hint);
    expect(error.stopsPolling).toBe(true);
    expect(error.retryable).toBe(false);
    expectOneSentence(error.message);
  });

  // An unknown message may be passing (a database hiccup) and must not stop a relay for good; in
  // case WHMCS counted it as a failed login, retries come no faster than its 30-minute ban window.
  it('retries an unknown error, but only once every 31 minutes', () => {
    const error = errorFromWhmcsMessage('Something new', 'api-credential');
    expect(error).toBeInstanceOf(WhmcsApiError);
    expect(error.message).toMatch(/Something new/);
    expect(error).toMatchObject({
      retryable: true,
      stopsPolling: false,
      retryAfterMs: 31 * 60_000,
    });
    expectOneSentence(error.message);
    // Sent with 403, WHMCS's status for access problems, it may be a login: polling stops.
    expect(errorFromWhmcsMessage('Something new', 'api-credential', 403)).toMatchObject({
      retryable: false,
      stopsPolling: true,
    });
  });

  it('keeps the server message of an unknown error and the IP of an IPv6 refusal', () => {
    expect((errorFromWhmcsMessage('Oops', 'admin-login') as WhmcsApiError).serverMessage).toBe(
      'Oops',
    );
    expect(
      (errorFromWhmcsMessage('Invalid IP 2001:db8::1', 'admin-login') as IpNotAllowedError).ip,
    ).toBe('2001:db8::1');
  });

  it('reads IPv4-mapped addresses and drops a trailing full stop', () => {
    expect(
      (
        errorFromWhmcsMessage(
          'Invalid IP ::ffff:203.0.113.9',
          'api-credential',
        ) as IpNotAllowedError
      ).ip,
    ).toBe('::ffff:203.0.113.9');
    expect(
      (errorFromWhmcsMessage('Invalid IP 203.0.113.9.', 'api-credential') as IpNotAllowedError).ip,
    ).toBe('203.0.113.9');
  });

  it('names the credentials the user actually configured', () => {
    expect(errorFromWhmcsMessage('Authentication Failed', 'admin-login').message).toContain(
      'admin username and password',
    );
  });
});
