import { createHash } from 'node:crypto';
import { createSampleData, type SimulatorData } from '@whmcs-ticket-counts/whmcs-sim';
import type { WhmcsConnection } from '../connection.js';

/**
 * Credentials nobody would write by accident, so a test can search every message for them.
 * The access key uses characters that need URL-encoding.
 */
export const DISTINCT = {
  identifier: 'IdentDistinct7Qw4',
  secret: 'SecretDistinct-Zx81Kq5Vv',
  adminUsername: 'distinct.admin',
  adminPassword: 'PassDistinct Mv73!',
  accessKey: 'AkDistinct.(93)@_X',
} as const;

/** Sample data plus an admin and an API credential holding the distinct secrets. */
export function distinctSimData(): SimulatorData {
  const data = createSampleData();
  data.admins.push({
    id: 91,
    username: DISTINCT.adminUsername,
    password: DISTINCT.adminPassword,
    departmentIds: [1],
    apiAccess: true,
  });
  data.apiCredentials.push({
    identifier: DISTINCT.identifier,
    secret: DISTINCT.secret,
    adminId: 91,
    allowedActions: ['GetTicketCounts'],
  });
  data.accessKey = DISTINCT.accessKey;
  return data;
}

export function apiCredentialConnection(
  url: string,
  overrides: Partial<WhmcsConnection> = {},
): WhmcsConnection {
  return {
    url,
    auth: { kind: 'api-credential', identifier: DISTINCT.identifier, secret: DISTINCT.secret },
    ...overrides,
  };
}

export function adminLoginConnection(
  url: string,
  overrides: Partial<WhmcsConnection> = {},
): WhmcsConnection {
  return {
    url,
    auth: {
      kind: 'admin-login',
      username: DISTINCT.adminUsername,
      password: DISTINCT.adminPassword,
    },
    ...overrides,
  };
}

const passwordMd5 = createHash('md5').update(DISTINCT.adminPassword).digest('hex');

/** Every form in which a secret could leak: verbatim, URL-encoded, as the MD5 we send. */
export const FORBIDDEN_STRINGS: readonly string[] = [
  DISTINCT.secret,
  DISTINCT.adminPassword,
  encodeURIComponent(DISTINCT.adminPassword),
  passwordMd5,
  passwordMd5.toUpperCase(),
  DISTINCT.accessKey,
  encodeURIComponent(DISTINCT.accessKey),
  // Distinctive fragments, in case a secret is cut in half by truncation.
  'SecretDist',
  'PassDist',
  'AkDist',
  'Zx81Kq5',
  'Mv73',
  '(93)@',
];
