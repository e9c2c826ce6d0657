import type { ServerResponse } from 'node:http';
import { type HeaderMap, sendJson } from '../http/send.js';
import { scrubKind } from '../payload/scrub-message.js';
import type { RelayContext } from '../relay-context.js';

export type HealthStatus = 'ok' | 'degraded' | 'halted';

/**
 * `GET /healthz`: `ok`, `degraded` (the last upstream attempt failed) or `halted` (WHMCS refused
 * the credentials; nothing is retried until restart, so this answers 503). Strangers — callers
 * without the token when one is set — get the status word only; nobody gets the upstream URL or
 * an error message.
 */
export function serveHealth(
  context: RelayContext,
  res: ServerResponse,
  corsHeaders: HeaderMap,
  trusted: boolean,
): void {
  const state = context.engine.state;
  const status: HealthStatus = state.halted ? 'halted' : state.error ? 'degraded' : 'ok';
  const body: Record<string, unknown> = { status };
  if (trusted) {
    body.fetchedAt = state.fetchedAt === undefined ? null : new Date(state.fetchedAt).toISOString();
    body.stale = state.stale || state.error !== undefined;
    if (state.error) body.errorKind = scrubKind(state.error.kind);
    body.subscribers = context.hub.size;
    body.ttlSeconds = context.options.ttlMs / 1000;
  }
  sendJson(res, status === 'halted' ? 503 : 200, body, corsHeaders);
}
