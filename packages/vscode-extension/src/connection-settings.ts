/** One WHMCS installation as stored in the `whmcsTicketCounts.connections` setting (no secrets). */
export interface ConnectionSettings {
  id: string;
  label: string;
  url: string;
  authMethod: 'api-credential' | 'admin-login';
  /** API credential identifier, or the admin username for a legacy admin login. */
  login: string;
  adminFolder: string;
  ignoreDepartmentAssignments: boolean;
  caFile?: string;
}

export interface ConnectionSettingsProblem {
  index: number;
  message: string;
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const adminFolderPattern = /^[A-Za-z0-9_-]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads the raw setting value leniently: invalid entries are skipped with a problem to log, so one
 * typo in settings.json does not take every other installation down with it.
 */
export function parseConnectionSettings(raw: unknown): {
  connections: ConnectionSettings[];
  problems: ConnectionSettingsProblem[];
} {
  const connections: ConnectionSettings[] = [];
  const problems: ConnectionSettingsProblem[] = [];
  if (!Array.isArray(raw)) {
    if (raw !== undefined && raw !== null) {
      problems.push({ index: -1, message: 'whmcsTicketCounts.connections must be an array.' });
    }
    return { connections, problems };
  }
  const seen = new Set<string>();
  for (const [index, entry] of raw.entries()) {
    const parsed = parseEntry(entry, seen);
    if (typeof parsed === 'string') problems.push({ index, message: parsed });
    else {
      seen.add(parsed.id);
      connections.push(parsed);
    }
  }
  return { connections, problems };
}

/** One entry, or the reason it cannot be used. */
function parseEntry(entry: unknown, seen: ReadonlySet<string>): ConnectionSettings | string {
  if (!isRecord(entry)) return 'Each connection must be an object.';
  const id = optionalString(entry.id);
  if (!id || !idPattern.test(id))
    return 'A connection id must be 1–64 letters, digits, "-" or "_".';
  if (seen.has(id)) return `The connection id "${id}" is used twice.`;
  const url = optionalString(entry.url);
  if (!url) return `Connection "${id}" has no url.`;
  const authMethod = entry.authMethod === 'admin-login' ? 'admin-login' : 'api-credential';
  const login = optionalString(
    authMethod === 'admin-login' ? entry.username : (entry.identifier ?? entry.username),
  );
  if (!login) {
    return authMethod === 'admin-login'
      ? `Connection "${id}" has no username.`
      : `Connection "${id}" has no identifier.`;
  }
  const adminFolder = optionalString(entry.adminFolder) ?? 'admin';
  if (!adminFolderPattern.test(adminFolder)) {
    return `Connection "${id}" has an adminFolder with characters other than letters, digits, "-" and "_".`;
  }
  const caFile = optionalString(entry.caFile);
  return {
    id,
    label: optionalString(entry.label) ?? hostLabel(url),
    url,
    authMethod,
    login,
    adminFolder,
    ignoreDepartmentAssignments: entry.ignoreDepartmentAssignments === true,
    ...(caFile ? { caFile } : {}),
  };
}

/** The setting's JSON shape for one connection (what Connect… writes back). */
export function toSettingsEntry(connection: ConnectionSettings): Record<string, unknown> {
  return {
    id: connection.id,
    label: connection.label,
    url: connection.url,
    authMethod: connection.authMethod,
    ...(connection.authMethod === 'admin-login'
      ? { username: connection.login }
      : { identifier: connection.login }),
    ...(connection.adminFolder !== 'admin' ? { adminFolder: connection.adminFolder } : {}),
    ...(connection.ignoreDepartmentAssignments ? { ignoreDepartmentAssignments: true } : {}),
    ...(connection.caFile ? { caFile: connection.caFile } : {}),
  };
}

/** Replaces the entry with the same id in the raw setting array, or appends it. */
export function upsertSettingsEntry(raw: unknown, connection: ConnectionSettings): unknown[] {
  const list = Array.isArray(raw) ? [...raw] : [];
  const entry = toSettingsEntry(connection);
  const index = list.findIndex((item) => isRecord(item) && item.id === connection.id);
  if (index >= 0) list[index] = { ...(list[index] as Record<string, unknown>), ...entry };
  else list.push(entry);
  return list;
}

export function removeSettingsEntry(raw: unknown, id: string): unknown[] {
  return (Array.isArray(raw) ? raw : []).filter((item) => !(isRecord(item) && item.id === id));
}

/** A readable default label: the host name (and sub-folder) of the URL. */
export function hostLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/includes\/api\.php$/i, '').replace(/\/+$/, '');
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** `label`, or `label (2)`, `label (3)`… when another connection already shows it. */
export function uniqueLabel(label: string, existing: readonly string[]): string {
  if (!existing.includes(label)) return label;
  for (let n = 2; ; n++) {
    const candidate = `${label} (${n})`;
    if (!existing.includes(candidate)) return candidate;
  }
}

/** A new id derived from the URL's host, unique among `existing`. */
export function newConnectionId(url: string, existing: readonly string[]): string {
  let base = 'whmcs';
  try {
    base = new URL(url).hostname.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || base;
  } catch {
    // keep the generic base
  }
  base = base.slice(0, 56);
  if (!existing.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!existing.includes(candidate)) return candidate;
  }
}
