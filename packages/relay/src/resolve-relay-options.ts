import { adminTicketLinks } from '@whmcs-ticket-counts/core';
import { UpstreamAddress } from './payload/upstream-address.js';
import type { RelayOptions } from './relay-options.js';

export class InvalidRelayOptionsError extends Error {
  override readonly name = 'InvalidRelayOptionsError';
}

export interface ResolvedRelayOptions {
  load: RelayOptions['load'];
  host: string;
  port: number;
  ttlMs: number;
  allowOrigins: ReadonlySet<string>;
  token: string | undefined;
  maxSubscribers: number;
  heartbeatMs: number;
  elementScript: RelayOptions['elementScript'];
  demoPage: boolean;
  demoAdminUrl: string | undefined;
  adminFolder: string | undefined;
  /** From `upstreamUrl`, else `demoAdminUrl`: both are WHMCS's base URL. */
  upstreamAddress: UpstreamAddress | undefined;
  redact: readonly string[];
  log: (line: string) => void;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_TTL_SECONDS = 60;
export const DEFAULT_MAX_SUBSCRIBERS = 100;
export const DEFAULT_HEARTBEAT_SECONDS = 25;
/** Node fires timers of more than 2^31 - 1 ms at once, which would turn a long wait into a storm. */
const MAX_TIMER_SECONDS = 2_147_483;

/** Checks every option once at start-up so mistakes fail loudly instead of at the first viewer. */
export function resolveRelayOptions(options: RelayOptions): ResolvedRelayOptions {
  if (typeof options?.load !== 'function') {
    fail('The relay needs a load function that fetches the ticket counts; pass options.load.');
  }
  const host = options.host ?? '127.0.0.1';
  // Node binds an empty host to every interface, which no caller means by "no host".
  if (typeof host !== 'string' || host.trim() === '') {
    fail('The relay host must name an address to listen on, such as 127.0.0.1; pass another host.');
  }
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    fail('The relay port must be an integer from 0 to 65535; pass another port.');
  }
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!(Number.isFinite(ttlSeconds) && ttlSeconds > 0 && ttlSeconds <= MAX_TIMER_SECONDS)) {
    fail(
      `The relay TTL must be a positive number of seconds, at most ${MAX_TIMER_SECONDS}; pass another ttlSeconds.`,
    );
  }
  const heartbeatSeconds = options.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS;
  if (
    !(
      Number.isFinite(heartbeatSeconds) &&
      heartbeatSeconds > 0 &&
      heartbeatSeconds <= MAX_TIMER_SECONDS
    )
  ) {
    fail(
      `The heartbeat interval must be a positive number of seconds, at most ${MAX_TIMER_SECONDS}; pass another heartbeatSeconds.`,
    );
  }
  const maxSubscribers = options.maxSubscribers ?? DEFAULT_MAX_SUBSCRIBERS;
  if (!Number.isInteger(maxSubscribers) || maxSubscribers < 1) {
    fail('The subscriber limit must be a whole number of at least 1; pass another maxSubscribers.');
  }
  const token = options.token;
  if (token !== undefined && (typeof token !== 'string' || token === '' || /\s/.test(token))) {
    fail('The relay token must be a non-empty string without spaces; pass another token.');
  }
  const demoAdminUrl = options.demoAdminUrl;
  if (demoAdminUrl !== undefined && !isHttpUrl(demoAdminUrl)) {
    fail('The demo admin URL must be an http(s) URL; pass another demoAdminUrl.');
  }
  const upstreamUrl = options.upstreamUrl;
  const upstreamAddress = UpstreamAddress.from(upstreamUrl ?? demoAdminUrl);
  if (upstreamUrl !== undefined && upstreamAddress === undefined) {
    fail('The upstream URL must be an http(s) URL, the WHMCS base URL; pass another upstreamUrl.');
  }
  const adminFolder = options.adminFolder;
  if (adminFolder !== undefined && !isAdminFolder(adminFolder)) {
    fail(
      'The admin folder may only contain letters, digits, "-" and "_"; pass the folder name alone, such as adminFolder: "admin".',
    );
  }
  return {
    load: options.load,
    host,
    port,
    ttlMs: Math.round(ttlSeconds * 1000),
    allowOrigins: new Set((options.allowOrigins ?? []).map(checkedOrigin)),
    token,
    maxSubscribers,
    heartbeatMs: Math.round(heartbeatSeconds * 1000),
    elementScript: options.elementScript,
    demoPage: options.demoPage ?? true,
    demoAdminUrl,
    adminFolder,
    upstreamAddress,
    // Short strings would blank out ordinary words; real secrets are longer.
    redact: (options.redact ?? []).filter(
      (value) => typeof value === 'string' && value.length >= 4,
    ),
    log: options.log ?? (() => {}),
  };
}

/** An origin must be exactly what browsers send, or an allowed page would silently be refused. */
function checkedOrigin(origin: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
    fail(
      `The allowed origin "${String(origin).slice(0, 100)}" is not of the form scheme://host[:port] without a path; fix allowOrigins.`,
    );
  }
  return origin;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
    );
  } catch {
    return false;
  }
}

/** Core's admin links decide what a folder name may be (WHMCS's own rule); nothing is fetched. */
function isAdminFolder(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    adminTicketLinks('https://whmcs.invalid/', value);
    return true;
  } catch {
    return false;
  }
}

function fail(message: string): never {
  throw new InvalidRelayOptionsError(message);
}
