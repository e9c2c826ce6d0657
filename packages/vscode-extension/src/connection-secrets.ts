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

/** Secrets keyed by connection id, stored as one JSON value per connection. */
export class ConnectionSecretStore {
  readonly #storage: SecretStorageLike;

  constructor(storage: SecretStorageLike) {
    this.#storage = storage;
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

  /** True when a change event's key belongs to this store. */
  static isOwnKey(key: string): boolean {
    return key.startsWith(keyPrefix);
  }
}
