/**
 * Core names the connection option at fault by its API name (`error.field`); on the command line
 * the user knows it by its flag and environment variable instead.
 */
const optionNames: Readonly<Record<string, string>> = {
  url: '--url / WHMCS_URL',
  identifier: '--identifier / WHMCS_IDENTIFIER',
  secret: 'WHMCS_SECRET / --secret-file',
  username: '--admin-username / WHMCS_ADMIN_USERNAME',
  password: 'WHMCS_ADMIN_PASSWORD / --secret-file',
  accessKey: '--access-key / WHMCS_ACCESS_KEY',
  adminFolder: '--admin-folder',
  caFile: '--ca-file',
  timeout: '--timeout',
  auth: '--identifier / WHMCS_IDENTIFIER or --admin-username / WHMCS_ADMIN_USERNAME',
};

/** The flag and variable for core's `field` (`'accessKey'`, or a path like `'auth.secret'`). */
export function optionNameFor(field: unknown): string | undefined {
  if (typeof field !== 'string') return undefined;
  const last = field.split('.').pop() ?? field;
  return optionNames[last];
}
