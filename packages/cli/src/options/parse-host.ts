import { UsageError } from '../usage-error.js';

/**
 * The address `serve` listens on. Empty is refused: Node would bind it to every interface, so an
 * unset variable in `--host "$RELAY_HOST"` would expose the relay. `[::1]` (as in URLs) means `::1`.
 */
export function parseHost(value: string | undefined): string {
  if (value === undefined) return '127.0.0.1';
  const host = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (host === '') {
    throw new UsageError(
      '--host wants an address to listen on, such as --host 127.0.0.1 (the default) or --host 0.0.0.0 for every interface.',
    );
  }
  return host;
}
