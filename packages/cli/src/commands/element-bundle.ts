import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the `<ticket-counts>` element's browser bundle lives, for the relay to serve at
 * /ticket-counts.js; `undefined` when the element package has not been built.
 */
export function elementBundlePath(): string | undefined {
  try {
    const path = fileURLToPath(import.meta.resolve('@whmcs-ticket-counts/web-component/bundle'));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
