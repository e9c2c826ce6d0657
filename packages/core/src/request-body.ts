import type { TicketCountsRequest, WhmcsAuth } from './connection.js';
import { isMd5Hex, md5Hex } from './md5.js';

/**
 * The fields that never change for a connection, form-encoded once. `responsetype` is lower-case
 * `json`: anything else gets the old NVP text format.
 */
export function encodeStaticFields(auth: WhmcsAuth, accessKey?: string): string {
  const fields: [string, string][] = [
    ['action', 'GetTicketCounts'],
    ['responsetype', 'json'],
  ];
  if (auth.kind === 'api-credential') {
    fields.push(['identifier', auth.identifier.trim()], ['secret', auth.secret]);
  } else {
    fields.push(['username', auth.username.trim()], ['password', adminPasswordHash(auth.password)]);
  }
  if (accessKey) fields.push(['accesskey', accessKey]);
  return fields.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

/**
 * Appends the flags. WHMCS reads flags with PHP truthiness, where the string "false" is TRUE:
 * a set flag is sent as `1` and a false one is left out.
 */
export function encodeRequestBody(staticFields: string, request: TicketCountsRequest = {}): string {
  let body = staticFields;
  if (request.ignoreDepartmentAssignments === true) body += '&ignoreDepartmentAssignments=1';
  if (request.includeCountsByStatus === true) body += '&includeCountsByStatus=1';
  return body;
}

/** WHMCS's legacy admin login wants the MD5 hex of the password; one that already is a hash passes. */
export function adminPasswordHash(password: string): string {
  return isMd5Hex(password) ? password : md5Hex(password);
}
