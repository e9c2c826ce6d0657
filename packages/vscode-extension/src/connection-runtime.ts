import { createHash } from 'node:crypto';
import {
  adminTicketLinks,
  createRefreshEngine,
  createTicketCountsClient,
  isMd5Hex,
  isWhmcsError,
  md5Hex,
  type RefreshEngine,
  type RefreshState,
  type TicketCounts,
  type TicketCountsClient,
  ticketCountsEqual,
  type WhmcsConnection,
  type WhmcsError,
} from '@whmcs-ticket-counts/core';
import type { AdminTicketLinks } from './admin-link.js';
import type { ConnectionSecrets } from './connection-secrets.js';
import type { ConnectionSettings } from './connection-settings.js';
import { retryBackoff } from './refresh-interval.js';
import { transportFor } from './transport.js';

/** Where request timing and failures are written. */
export interface RequestLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Core's connection from the settings plus the secrets from SecretStorage. */
export function toWhmcsConnection(
  connection: ConnectionSettings,
  secrets: ConnectionSecrets,
): WhmcsConnection {
  return {
    url: connection.url,
    auth:
      connection.authMethod === 'admin-login'
        ? { kind: 'admin-login', username: connection.login, password: secrets.secret }
        : { kind: 'api-credential', identifier: connection.login, secret: secrets.secret },
    ...(secrets.accessKey ? { accessKey: secrets.accessKey } : {}),
    adminFolder: connection.adminFolder,
  };
}

/**
 * Every string that must never reach a log: the secret, the access key and, for a legacy admin
 * login, the MD5 hash that WHMCS accepts in place of the password.
 */
export function secretsToRedact(
  connection: ConnectionSettings,
  secrets: ConnectionSecrets,
): string[] {
  const list = [secrets.secret];
  if (secrets.accessKey) list.push(secrets.accessKey);
  if (connection.authMethod === 'admin-login' && !isMd5Hex(secrets.secret)) {
    list.push(md5Hex(secrets.secret));
  }
  return list;
}

export function createClient(
  connection: ConnectionSettings,
  secrets: ConnectionSecrets,
): TicketCountsClient {
  return createTicketCountsClient({
    connection: toWhmcsConnection(connection, secrets),
    transport: transportFor(connection.caFile),
  });
}

/** One GetTicketCounts call, timed and logged (the message never holds a secret). */
export async function loadCounts(
  client: TicketCountsClient,
  connection: ConnectionSettings,
  log: RequestLog,
  signal?: AbortSignal,
): Promise<TicketCounts> {
  const started = performance.now();
  const where = `${connection.id} (${client.apiUrl.host})`;
  try {
    const counts = await client.getTicketCounts(
      {
        ignoreDepartmentAssignments: connection.ignoreDepartmentAssignments,
        includeCountsByStatus: true,
      },
      signal ? { signal } : undefined,
    );
    const ms = Math.round(performance.now() - started);
    log.info(
      `GetTicketCounts ${where}: awaiting ${counts.awaitingReply}, active ${counts.allActive}, flagged ${counts.flaggedTickets} in ${ms} ms`,
    );
    return counts;
  } catch (error) {
    if (signal?.aborted) throw error;
    const ms = Math.round(performance.now() - started);
    const detail = isWhmcsError(error)
      ? `${error.kind}: ${error.message}${error.detail ? ` (${error.detail})` : ''}`
      : String(error);
    log.warn(`GetTicketCounts ${where} failed after ${ms} ms: ${detail}`);
    throw error;
  }
}

/** What a runtime takes over from the one it replaces when the login is unchanged. */
export type Predecessor =
  /** It was halted: the new runtime stays halted with the same error. */
  | { halt: WhmcsError }
  /** Its request was in flight (`since`: its state then): the new runtime uses that answer. */
  | { inFlight: Promise<RefreshState<TicketCounts>>; since: RefreshState<TicketCounts> }
  /** Its counts are younger than the new interval: the new runtime starts from them. */
  | { counts: TicketCounts };

/** One WHMCS installation: its settings, client, links and the refresh engine driving the views. */
export class ConnectionRuntime {
  readonly settings: ConnectionSettings;
  readonly engine: RefreshEngine<TicketCounts>;
  readonly links: AdminTicketLinks;
  readonly insecure: boolean;
  /** What the runtime was built from; an equal identity on reload means it can keep running. */
  readonly identity: string;
  /** What a login depends on; while it is unchanged, a halt carries over to a rebuilt runtime. */
  readonly loginIdentity: string;
  /** `loginIdentity` hashed, for a halt remembered in storage. */
  readonly loginFingerprint: string;
  /** The halt this runtime took over from the one it replaced (see the constructor). */
  readonly inheritedHalt: WhmcsError | undefined;
  #seed: TicketCounts | undefined;
  #pendingHalt: WhmcsError | undefined;
  #pendingAnswer: Extract<Predecessor, { inFlight: unknown }> | undefined;

  /**
   * `seed`: counts just fetched by Connect…'s check, served as the first load so connecting
   * does not send a second request a moment after the first.
   * `predecessor`: the runtime this one replaces with the same login (only the label, admin folder
   * or interval changed) was halted, or had a request in flight. The first load fails with that
   * halt, or waits for that request's answer, instead of asking WHMCS: editing a setting cannot send
   * a known-bad login again (3 failures = IP ban).
   */
  constructor(
    settings: ConnectionSettings,
    secrets: ConnectionSecrets,
    intervalMs: number,
    log: RequestLog,
    seed?: TicketCounts,
    predecessor?: Predecessor,
    /** A halt another window recorded for this very login: checked before every request. */
    haltedElsewhere?: () => WhmcsError | undefined,
  ) {
    this.settings = settings;
    this.identity = runtimeIdentity(settings, secrets, intervalMs);
    this.loginIdentity = loginIdentity(settings, secrets);
    this.loginFingerprint = loginFingerprint(settings, secrets);
    const taken = seed ? undefined : predecessor;
    this.inheritedHalt = taken && 'halt' in taken ? taken.halt : undefined;
    this.#pendingHalt = this.inheritedHalt;
    this.#pendingAnswer = taken && 'inFlight' in taken ? taken : undefined;
    this.#seed = seed ?? (taken && 'counts' in taken ? taken.counts : undefined);
    const client = createClient(settings, secrets);
    this.insecure = client.insecure;
    const baseUrl = new URL('../', client.apiUrl);
    this.links = adminTicketLinks(baseUrl, settings.adminFolder);
    this.engine = createRefreshEngine<TicketCounts>({
      load: (signal) => {
        const halt = this.#pendingHalt ?? haltedElsewhere?.();
        this.#pendingHalt = undefined;
        if (halt) return Promise.reject(halt);
        const answer = this.#pendingAnswer;
        this.#pendingAnswer = undefined;
        if (answer) {
          return answer.inFlight.then((state) => {
            if (state.error && state.error !== answer.since.error) throw state.error;
            if (state.value && state.fetchedAt !== answer.since.fetchedAt) return state.value;
            // Aborted after all: nothing was learnt, so ask.
            return loadCounts(client, settings, log, signal);
          });
        }
        const seed = this.#seed;
        this.#seed = undefined;
        return seed ? Promise.resolve(seed) : loadCounts(client, settings, log, signal);
      },
      intervalMs,
      // Unchanged counts keep the same object, so views skip redundant redraws.
      isEqual: ticketCountsEqual,
      backoff: retryBackoff(intervalMs),
    });
  }
}

/** Compared in memory only, never logged: it holds the secret like the client does. */
export function runtimeIdentity(
  settings: ConnectionSettings,
  secrets: ConnectionSecrets,
  intervalMs: number,
): string {
  return JSON.stringify([settings, secrets, intervalMs]);
}

/** A one-way fingerprint of `loginIdentity`, safe to store with a remembered halt. */
export function loginFingerprint(settings: ConnectionSettings, secrets: ConnectionSecrets): string {
  return createHash('sha256').update(loginIdentity(settings, secrets)).digest('hex');
}

/** A remembered halt as an error the refresh engine halts on again (core's duck-typed shape). */
export function restoredHaltError(halt: { kind: string; message: string }): WhmcsError {
  return Object.assign(new Error(halt.message), {
    name: 'RememberedHaltError',
    kind: halt.kind,
    retryable: false,
    stopsPolling: true,
  }) as unknown as WhmcsError;
}

/** The parts a WHMCS login depends on (in memory only, like `runtimeIdentity`). */
export function loginIdentity(settings: ConnectionSettings, secrets: ConnectionSecrets): string {
  return JSON.stringify([
    settings.url,
    settings.authMethod,
    settings.login,
    settings.caFile ?? null,
    secrets,
  ]);
}
