import type { CliIo } from '../cli-io.js';
import type { Redactor } from '../output/redactor.js';
import { terminalSafe } from '../output/terminal-text.js';

/** What every command receives besides its own arguments. */
export interface CommandContext {
  readonly io: CliIo;
  readonly redactor: Redactor;
  readonly debug: boolean;
}

export type Command = (argv: readonly string[], context: CommandContext) => Promise<number>;

/** A warning line; the sentence may quote WHMCS, so it cannot drive the terminal. */
export function warn(io: CliIo, sentence: string): void {
  io.err(`whmcs-ticket-counts: warning: ${terminalSafe(sentence)}\n`);
}
