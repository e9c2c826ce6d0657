import { type ApiError, apiErrors } from './api-error.js';
import { isMd5Hex, md5Hex } from './md5-hex.js';
import type { SimulatorAdmin, SimulatorApiCredential, SimulatorData } from './types.js';

export type AuthenticationResult =
  | { ok: true; admin: SimulatorAdmin; credential?: SimulatorApiCredential }
  | { ok: false; error: ApiError };

/**
 * Who is calling, the way WHMCS decides it: an API credential as `identifier`/`secret` (or sent as
 * `username`/`password`), else a legacy admin login whose password must be the MD5 hex of the
 * admin's password. Every failure here is a failed login that counts toward an IP ban.
 */
export function authenticate(
  data: SimulatorData,
  fields: Record<string, string>,
): AuthenticationResult {
  const identifier = fields.identifier ?? '';
  if (identifier !== '') return checkCredential(data, identifier, fields.secret ?? '');

  const username = fields.username ?? '';
  if (username === '') return fail(apiErrors.authenticationFailed);
  const password = fields.password ?? '';
  if (data.apiCredentials.some((credential) => credential.identifier === username)) {
    return checkCredential(data, username, password);
  }
  if (!isMd5Hex(password)) return fail(apiErrors.invalidPassword);
  const admin = data.admins.find((candidate) => candidate.username === username);
  if (admin === undefined || md5Hex(admin.password) !== password.toLowerCase()) {
    return fail(apiErrors.authenticationFailed);
  }
  return { ok: true, admin };
}

function checkCredential(
  data: SimulatorData,
  identifier: string,
  secret: string,
): AuthenticationResult {
  const credential = data.apiCredentials.find((candidate) => candidate.identifier === identifier);
  if (credential === undefined || secret === '') {
    return fail(apiErrors.invalidOrMissingCredentials);
  }
  if (credential.secret !== secret) return fail(apiErrors.authenticationFailed);
  const admin = data.admins.find((candidate) => candidate.id === credential.adminId);
  // A credential whose admin was deleted cannot log in either.
  if (admin === undefined) return fail(apiErrors.authenticationFailed);
  return { ok: true, admin, credential };
}

function fail(error: ApiError): AuthenticationResult {
  return { ok: false, error };
}
