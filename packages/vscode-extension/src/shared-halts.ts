import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A halt as every window on this machine sees it. */
export interface SharedHalt {
  kind: string;
  message: string;
}

interface BoardFile {
  salt: string;
  halts: Record<string, SharedHalt & { login: string }>;
}

/**
 * Halts (login rejected, IP banned…) shared by every window through a file in the extension's
 * global storage, on the machine running the extension hosts.
 *
 * Why a file as well as SecretStorage: in code-server each browser tab keeps its own copy of
 * SecretStorage and tells no other window of a change, so every open tab spent one failed login
 * of its own (three tabs: an IP ban). The login is kept only as a salted scrypt hash — never the
 * secret, and not a fast hash that would make a weak password cheap to guess.
 */
export class SharedHaltBoard {
  readonly #file: string;
  readonly #hashes = new Map<string, string>();

  constructor(file: string) {
    this.#file = file;
  }

  /** The halt recorded for this very login, if any; unreadable means none. */
  find(connectionId: string, loginIdentity: string): SharedHalt | undefined {
    const board = this.#read();
    const entry = board?.halts[connectionId];
    if (!board || !entry || entry.login !== this.#hash(board.salt, loginIdentity)) return undefined;
    return { kind: entry.kind, message: entry.message };
  }

  record(connectionId: string, loginIdentity: string, halt: SharedHalt): void {
    const board = this.#read() ?? { salt: randomBytes(16).toString('hex'), halts: {} };
    board.halts[connectionId] = {
      login: this.#hash(board.salt, loginIdentity),
      kind: halt.kind,
      message: halt.message,
    };
    this.#write(board);
  }

  clear(connectionId: string): void {
    const board = this.#read();
    if (!board?.halts[connectionId]) return;
    delete board.halts[connectionId];
    this.#write(board);
  }

  #hash(salt: string, loginIdentity: string): string {
    const key = `${salt}\u0000${loginIdentity}`;
    let hash = this.#hashes.get(key);
    if (!hash) {
      hash = scryptSync(loginIdentity, salt, 32).toString('hex');
      this.#hashes.set(key, hash);
    }
    return hash;
  }

  #read(): BoardFile | undefined {
    try {
      const parsed = JSON.parse(readFileSync(this.#file, 'utf8')) as Partial<BoardFile>;
      return typeof parsed.salt === 'string' && typeof parsed.halts === 'object' && parsed.halts
        ? { salt: parsed.salt, halts: parsed.halts }
        : undefined;
    } catch {
      return undefined;
    }
  }

  #write(board: BoardFile): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify(board), { mode: 0o600 });
  }
}
