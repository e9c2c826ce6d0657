/** The parts of a connection that live in SecretStorage, never in settings. */
export interface ConnectionSecrets {
  /** The API secret, or the admin password (plain or MD5 hex) for a legacy login. */
  secret: string;
  accessKey?: string;
}

/** The subset of `vscode.SecretStorage` the store needs. */
export interface SecretStorageLike {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** SecretStorage itself failed (typically Linux without a keyring): the user must fix that first. */
export class SecretStorageUnavailableError extends Error {
  override readonly name = 'SecretStorageUnavailableError';
  constructor(
    readonly operation: 'read' | 'save' | 'delete',
    cause: unknown,
  ) {
    super(
      `VS Code could not ${operation} the WHMCS secret in its secret storage; set up your system keyring (on Linux, e.g. gnome-keyring or KWallet) and try again.`,
      { cause },
    );
  }
}

const keyPrefix = 'whmcsTicketCounts.connection.';
const haltPrefix = 'whmcsTicketCounts.halt.';

/**
 * A halt (login rejected, permission missing, IP banned…) remembered for every window and the next
 * session, so none of them sends the same login again. `login` is a fingerprint of what the login
 * depends on (see `loginFingerprint`), never the secret itself.
 */
export interface StoredHalt {
  login: string;
  kind: string;
  message: string;
}

/** Secrets keyed by connection id, stored as one JSON value per connection. */
export class ConnectionSecretStore {
  readonly #storage: SecretStorageLike;
  readonly #board: { clear(connectionId: string): void } | undefined;

  /** `board`: the halts shared with other windows through the disk, cleared with the halt. */
  constructor(storage: SecretStorageLike, board?: { clear(connectionId: string): void }) {
    this.#storage = storage;
    this.#board = board;
  }

  static keyFor(connectionId: string): string {
    return keyPrefix + connectionId;
  }

  /** Undefined when nothing (or something unreadable) is stored. */
  async get(connectionId: string): Promise<ConnectionSecrets | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.#storage.get(ConnectionSecretStore.keyFor(connectionId));
    } catch (error) {
      throw new SecretStorageUnavailableError('read', error);
    }
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<ConnectionSecrets>;
      if (typeof parsed.secret !== 'string' || parsed.secret === '') return undefined;
      return {
        secret: parsed.secret,
        ...(typeof parsed.accessKey === 'string' && parsed.accessKey !== ''
          ? { accessKey: parsed.accessKey }
          : {}),
      };
    } catch {
      return undefined;
    }
  }

  async set(connectionId: string, secrets: ConnectionSecrets): Promise<void> {
    try {
      await this.#storage.store(
        ConnectionSecretStore.keyFor(connectionId),
        JSON.stringify(secrets),
      );
    } catch (error) {
      throw new SecretStorageUnavailableError('save', error);
    }
  }

  async delete(connectionId: string): Promise<void> {
    try {
      await this.#storage.delete(ConnectionSecretStore.keyFor(connectionId));
    } catch (error) {
      throw new SecretStorageUnavailableError('delete', error);
    }
  }

  /** Undefined when none is stored or it cannot be read (the halt is then only in memory). */
  async getHalt(connectionId: string): Promise<StoredHalt | undefined> {
    try {
      const raw = await this.#storage.get(haltPrefix + connectionId);
      const parsed = raw ? (JSON.parse(raw) as Partial<StoredHalt>) : undefined;
      return typeof parsed?.login === 'string' &&
        typeof parsed.kind === 'string' &&
        typeof parsed.message === 'string'
        ? { login: parsed.login, kind: parsed.kind, message: parsed.message }
        : undefined;
    } catch {
      return undefined;
    }
  }

  async setHalt(connectionId: string, halt: StoredHalt): Promise<void> {
    try {
      await this.#storage.store(haltPrefix + connectionId, JSON.stringify(halt));
    } catch (error) {
      throw new SecretStorageUnavailableError('save', error);
    }
  }

  async deleteHalt(connectionId: string): Promise<void> {
    try {
      this.#board?.clear(connectionId);
    } catch {
      // Unwritable global storage: the halt there stays until a later Connect… clears it.
    }
    try {
      await this.#storage.delete(haltPrefix + connectionId);
    } catch (error) {
      throw new SecretStorageUnavailableError('delete', error);
    }
  }

  /** True when a change event's key belongs to this store (a secret, or a halt another window saw). */
  static isOwnKey(key: string): boolean {
    return key.startsWith(keyPrefix) || key.startsWith(haltPrefix);
  }
}
