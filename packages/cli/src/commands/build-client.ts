import {
  adminTicketLinks,
  createTicketCountsClient,
  resolveWhmcsUrl,
  type TicketCountsClient,
} from '@whmcs-ticket-counts/core';
import { createNodeTransport } from '@whmcs-ticket-counts/core/node';
import type { ConnectionFlags } from '../options/connection-options.js';
import { parseSeconds } from '../options/number-options.js';
import { resolveConnection } from '../options/resolve-connection.js';
import { type CommandContext, warn } from './command-context.js';
import { plainHttpWarning } from './plain-http-warning.js';

export interface BuiltClient {
  readonly client: TicketCountsClient;
  /** The WHMCS base URL without any user:password part, safe to print or hand to a page. */
  readonly publicBaseUrl: string;
  /** "Open in WHMCS" link to the tickets awaiting reply; never carries credentials. */
  readonly awaitingReplyLink: string;
  /** How long one request to WHMCS may take (--timeout). */
  readonly timeoutMs: number;
  /** The renamed admin folder of --admin-folder, if any (already checked). */
  readonly adminFolder: string | undefined;
  /** Every secret the connection holds, for redaction further down the line. */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

type ClientFlags = ConnectionFlags & {
  'ca-file'?: string | undefined;
  timeout?: string | undefined;
};

/** Shared by `get` and `serve`: flags + environment → a client on the undici transport. */
export async function buildClient(
  flags: ClientFlags,
  context: CommandContext,
): Promise<BuiltClient> {
  const { io, redactor } = context;
  const resolved = await resolveConnection(flags, io.env);
  for (const secret of resolved.secrets) redactor.add(secret);
  for (const warning of resolved.warnings) warn(io, warning);
  const timeoutMs = parseSeconds('--timeout', flags.timeout, 15_000);

  const { baseUrl } = resolveWhmcsUrl(resolved.connection.url, {
    adminFolder: resolved.connection.adminFolder,
  });
  const clearTextWarning = plainHttpWarning(baseUrl);
  if (clearTextWarning !== undefined) warn(io, clearTextWarning);
  const linkBase = new URL(baseUrl);
  linkBase.username = '';
  linkBase.password = '';

  const caFile = flags['ca-file'];
  const transport = createNodeTransport(caFile !== undefined ? { caFile } : {});
  const client = createTicketCountsClient({
    connection: resolved.connection,
    transport,
    timeoutMs,
  });
  return {
    client,
    publicBaseUrl: linkBase.href,
    timeoutMs,
    secrets: resolved.secrets,
    awaitingReplyLink: adminTicketLinks(linkBase, resolved.connection.adminFolder).awaitingReply,
    adminFolder: resolved.connection.adminFolder,
    close: () => transport.close(),
  };
}
