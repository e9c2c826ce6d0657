/**
 * Which piece of the configuration an InvalidConfigurationError is about, so a front end can name
 * its own option for it (a CLI flag, an extension setting) while core's message stays neutral.
 */
export type ConfigurationField =
  | 'url'
  | 'auth'
  | 'identifier'
  | 'secret'
  | 'username'
  | 'password'
  | 'accessKey'
  | 'adminFolder'
  | 'timeout'
  | 'caFile'
  | 'transport'
  | 'ignoreDepartmentAssignments'
  | 'includeCountsByStatus';

/** How core's messages call each connection field: words every front end understands. */
export const CONNECTION_FIELD_LABELS = {
  url: 'WHMCS URL',
  auth: 'login method',
  identifier: 'API identifier',
  secret: 'API secret',
  username: 'admin username',
  password: 'admin password',
  accessKey: 'access key',
  adminFolder: 'admin folder',
} as const satisfies Partial<Record<ConfigurationField, string>>;

/** The field a schema issue path (`auth.secret`, `accessKey`) is about, if it is one of ours. */
export function connectionFieldAt(
  path: readonly PropertyKey[],
): keyof typeof CONNECTION_FIELD_LABELS | undefined {
  const [first, second] = path;
  const key = first === 'auth' && second !== undefined && second !== 'kind' ? second : first;
  return typeof key === 'string' && key in CONNECTION_FIELD_LABELS
    ? (key as keyof typeof CONNECTION_FIELD_LABELS)
    : undefined;
}
