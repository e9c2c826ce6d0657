import { UsageError } from '../usage-error.js';

/**
 * Flags people reach for that would put a secret on the command line, where every local user can
 * read it (`ps`, /proc) and shell history keeps it. Each maps to what to use instead.
 */
const forbiddenFlags: Readonly<Record<string, string>> = {
  '--secret': 'set WHMCS_SECRET or pass --secret-file PATH',
  '--api-secret': 'set WHMCS_SECRET or pass --secret-file PATH',
  '--password': 'set WHMCS_ADMIN_PASSWORD or pass --secret-file PATH',
  '--admin-password': 'set WHMCS_ADMIN_PASSWORD or pass --secret-file PATH',
  '--token': 'pass --token-file PATH',
};

/** Throws a UsageError naming the flag (never its value) when argv carries a secret-bearing flag. */
export function rejectSecretFlags(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    const name = arg.split('=', 1)[0] ?? arg;
    const instead = forbiddenFlags[name];
    if (instead !== undefined) {
      throw new UsageError(
        `${name} is not accepted because command-line arguments are visible to other users and kept in shell history; ${instead} instead.`,
      );
    }
  }
}
