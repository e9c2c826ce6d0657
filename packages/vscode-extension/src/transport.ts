import { fetchTransport, type Transport } from '@whmcs-ticket-counts/core';
import { createHttpsTransport } from './https-transport.js';

/**
 * VS Code patches the extension host's global `fetch` for its proxy settings, so that is the
 * default. A custom CA needs Node's TLS options, which `fetch` cannot take.
 */
export function transportFor(caFile: string | undefined): Transport {
  return caFile ? createHttpsTransport({ caFile }) : fetchTransport(globalThis.fetch);
}
