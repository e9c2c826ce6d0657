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
  /** What happened and what to do, in one sentence. */
  message: string;
  /**
   * A name to show the broken entry under: its own id when usable, else `connections[index]`.
   * A broken entry is shown as an error, never dropped: dropping it reads as "not connected".
   */
  id?: string;
  label?: string;
  /** The entry read leniently, when it has an id of its own: Connect… can offer to repair it. */
  repairable?: ConnectionSettings;
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
      problems.push({
        index: -1,
        message:
          'The whmcsTicketCounts.connections setting is not a list; set it to [] and use "WHMCS: Connect…" to add connections.',
        id: 'connections',
        label: 'whmcsTicketCounts.connections',
      });
    }
    return { connections, problems };
  }
  const seen = new Set<string>();
  for (const [index, entry] of raw.entries()) {
    const parsed = parseEntry(entry, seen);
    if (typeof parsed === 'string') {
      const ownId = isRecord(entry) ? optionalString(entry.id) : undefined;
      const id = ownId && idPattern.test(ownId) && !seen.has(ownId) ? ownId : undefined;
      if (id) seen.add(id);
      const label = isRecord(entry) ? optionalString(entry.label) : undefined;
      problems.push({
        index,
        message: parsed,
        id: id ?? `connections[${index}]`,
        label: label ?? id ?? `whmcsTicketCounts.connections[${index}]`,
        ...(id && isRecord(entry) ? { repairable: lenientEntry(entry, id) } : {}),
      });
    } else {
      seen.add(parsed.id);
      connections.push(parsed);
    }
  }
  return { connections, problems };
}

/** One entry, or the reason it cannot be used. */
function parseEntry(entry: unknown, seen: ReadonlySet<string>): ConnectionSettings | string {
  if (!isRecord(entry))
    return 'An entry in whmcsTicketCounts.connections is not an object; remove it, or use "WHMCS: Connect…" to add a connection.';
  const id = optionalString(entry.id);
  if (!id || !idPattern.test(id))
    return 'A connection has an id other than 1–64 letters, digits, "-" or "_"; give it such an id, or remove it and use "WHMCS: Connect…".';
  if (seen.has(id))
    return `The connection id "${id}" is used twice; give each connection its own id.`;
  const url = optionalString(entry.url);
  if (!url)
    return `Connection "${id}" has no url; set it to the address of your WHMCS, such as https://billing.example.com/.`;
  const authMethod = entry.authMethod === 'admin-login' ? 'admin-login' : 'api-credential';
  const login = optionalString(
    authMethod === 'admin-login' ? entry.username : (entry.identifier ?? entry.username),
  );
  if (!login) {
    return authMethod === 'admin-login'
      ? `Connection "${id}" has no username; set it to the WHMCS admin username.`
      : `Connection "${id}" has no identifier; set it to the API credential's identifier.`;
  }
  const adminFolder = optionalString(entry.adminFolder) ?? 'admin';
  if (!adminFolderPattern.test(adminFolder)) {
    return `Connection "${id}" has an adminFolder with characters other than letters, digits, "-" and "_"; set it to the admin folder's name alone, such as admin.`;
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

/** What Connect… can prefill from a broken entry: the usable parts, defaults for the rest. */
function lenientEntry(entry: Record<string, unknown>, id: string): ConnectionSettings {
  const url = optionalString(entry.url) ?? '';
  const authMethod = entry.authMethod === 'admin-login' ? 'admin-login' : 'api-credential';
  const adminFolder = optionalString(entry.adminFolder);
  const caFile = optionalString(entry.caFile);
  return {
    id,
    label: optionalString(entry.label) ?? (url ? hostLabel(url) : id),
    url,
    authMethod,
    login:
      optionalString(
        authMethod === 'admin-login' ? entry.username : (entry.identifier ?? entry.username),
      ) ?? '',
    adminFolder: adminFolder && adminFolderPattern.test(adminFolder) ? adminFolder : 'admin',
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

/** Every key `toSettingsEntry` may write; it leaves out the ones at their defaults. */
const knownKeys = [
  'id',
  'label',
  'url',
  'authMethod',
  'identifier',
  'username',
  'adminFolder',
  'ignoreDepartmentAssignments',
  'caFile',
];

/** Keys under which someone may have typed a secret into settings.json (which may be synced). */
const secretKey = /^(secret|password|accesskey|apisecret)$/i;

/**
 * Replaces the entry with the same id in the raw setting array, or appends it. Known keys are all
 * rewritten (a hand-made mistake in one, such as `adminFolder: "../x"`, would otherwise survive
 * Connect… and keep the entry unusable); keys this version does not know are kept, except ones
 * holding a secret typed in by hand: Connect… has just put the secret where it belongs.
 */
export function upsertSettingsEntry(raw: unknown, connection: ConnectionSettings): unknown[] {
  const list = Array.isArray(raw) ? [...raw] : [];
  const entry = toSettingsEntry(connection);
  const index = list.findIndex((item) => isRecord(item) && item.id === connection.id);
  if (index >= 0) {
    const kept = Object.entries(list[index] as Record<string, unknown>).filter(
      ([key]) => !knownKeys.includes(key) && !secretKey.test(key),
    );
    list[index] = { ...entry, ...Object.fromEntries(kept) };
  } else list.push(entry);
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
