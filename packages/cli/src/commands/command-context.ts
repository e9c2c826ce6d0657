import type { CliIo } from '../cli-io.js';
import type { Redactor } from '../output/redactor.js';

/** What every command receives besides its own arguments. */
export interface CommandContext {
  readonly io: CliIo;
  readonly redactor: Redactor;
  readonly debug: boolean;
}

export type Command = (argv: readonly string[], context: CommandContext) => Promise<number>;

export function warn(io: CliIo, sentence: string): void {
  io.err(`whmcs-ticket-counts: warning: ${sentence}\n`);
}
