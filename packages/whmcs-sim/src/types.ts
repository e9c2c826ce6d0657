import type { IncomingMessage } from 'node:http';

/** One ticket status as configured under Configuration › Support › Ticket Statuses. */
export interface SimulatorStatus {
  /** Stored HTML-encoded, exactly as WHMCS keeps admin input (e.g. `Billing &amp; Sales`). */
  title: string;
  showActive: boolean;
  showAwaiting: boolean;
  sortOrder: number;
}

export interface SimulatorDepartment {
  id: number;
  name: string;
}

export interface SimulatorAdmin {
  id: number;
  username: string;
  /** Plain text; the legacy API login sends its MD5 hex. */
  password: string;
  departmentIds: number[];
  apiAccess: boolean;
}

export interface SimulatorApiCredential {
  identifier: string;
  secret: string;
  adminId: number;
  /** Actions the credential's API role allows, any spelling (`GetTicketCounts`), or `'all'`. */
  allowedActions: string[] | 'all';
}

export interface SimulatorTicket {
  id: number;
  departmentId: number;
  status: string;
  flaggedAdminId?: number;
  merged?: boolean;
}

export interface SimulatorData {
  statuses: SimulatorStatus[];
  departments: SimulatorDepartment[];
  admins: SimulatorAdmin[];
  apiCredentials: SimulatorApiCredential[];
  tickets: SimulatorTicket[];
  /** The API IP allow-list (General Settings › Security). */
  allowedIps: string[] | 'any';
  /** configuration.php `$api_access_key`. */
  accessKey?: string;
}

export type SimulatorFault =
  | { kind: 'slow'; delayMs: number }
  | { kind: 'hang' }
  | { kind: 'maintenance' }
  | { kind: 'installer' }
  | { kind: 'server-error'; status?: number }
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'basic-auth' }
  | { kind: 'counts-disabled' }
  | { kind: 'numeric-strings' }
  | { kind: 'licence'; message?: string }
  | { kind: 'garbage'; body: string; contentType?: string; status?: number };

export interface BanOptions {
  /** Failed logins from one IP within `windowMs` that trigger a ban; default 3. */
  maxFailures?: number;
  /** Default 30 minutes. */
  windowMs?: number;
  /** Default 15 minutes. */
  durationMs?: number;
}

export interface LivelinessOptions {
  intervalMs: number;
  random?: () => number;
}

export interface WhmcsSimulatorOptions {
  /** Default `'127.0.0.1'`: loopback only. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
  /** Where WHMCS lives, default `'/'`, e.g. `'/billing/'`. */
  basePath?: string;
  /** Default: `createSampleData()`. */
  data?: SimulatorData;
  ban?: BanOptions;
  /** Counts drift over time (for demos). */
  liveliness?: LivelinessOptions;
  /** The IP WHMCS "sees"; default: the socket's address with any IPv4-mapped prefix stripped. */
  clientIp?: (req: IncomingMessage) => string;
  /** Clock for bans and recorded times (ms epoch); default `Date.now`. Lets tests expire bans. */
  now?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** URL path without the query string. */
  path: string;
  /** Raw query string without the leading `?`. */
  query: string;
  contentType: string | undefined;
  /**
   * The merged fields as PHP's `$_REQUEST` sees them, secrets included: never print them. An array
   * field (`flag[]=0`) is recorded as `Array`, what PHP's string functions see of it.
   */
  fields: Record<string, string>;
  ip: string;
  at: number;
}

export interface WhmcsSimulator {
  /** Always ends with `/`. */
  readonly baseUrl: string;
  /** `baseUrl + 'includes/api.php'`. */
  readonly apiUrl: string;
  /** Live and mutable: tests change tickets and statuses directly. */
  readonly data: SimulatorData;
  /** Every request that reached the server, in order. */
  readonly requests: RecordedRequest[];
  setFault(fault: SimulatorFault | undefined): void;
  clearBans(): void;
  /** Failed logins inside the ban window, for one IP or all of them. */
  failedLogins(ip?: string): number;
  /** Closes keep-alive and hung sockets too; idempotent. */
  close(): Promise<void>;
}
