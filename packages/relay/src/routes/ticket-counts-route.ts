import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RefreshState, TicketCounts } from '@whmcs-ticket-counts/core';
import { type HeaderMap, send, sendRelayError } from '../http/send.js';
import { ifNoneMatchMatches } from '../payload/representation.js';
import type { RelayContext } from '../relay-context.js';

/** A GET never waits longer than this for WHMCS; it then answers with what the relay has. */
export const UPSTREAM_WAIT_MS = 10_000;

/** `GET /ticket-counts`: the cached payload, refreshed first when the TTL has run out. */
export function serveTicketCounts(
  context: RelayContext,
  req: IncomingMessage,
  res: ServerResponse,
  corsHeaders: HeaderMap,
): Promise<void> | undefined {
  // The common case — a cached answer — takes no promise and no timer.
  if (!context.policy.mustRefresh()) {
    answer(context, req, res, corsHeaders, context.engine.state);
    return undefined;
  }
  return withinWait(context.policy.currentState()).then((state) => {
    if (!res.destroyed) answer(context, req, res, corsHeaders, state ?? context.engine.state);
  });
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

function answer(
  context: RelayContext,
  req: IncomingMessage,
  res: ServerResponse,
  corsHeaders: HeaderMap,
  state: RefreshState<TicketCounts>,
): void {
  const snapshot = context.view.snapshot(state);
  if (!snapshot) {
    sendRelayError(res, 504, 'timeout', 'WHMCS has not answered yet; try again in a few seconds.', {
      ...corsHeaders,
      'Retry-After': retryAfterSeconds(context),
    });
    return;
  }
  if (!snapshot.hasCounts) {
    // No good value to fall back on: the error payload, as a gateway error.
    const retry: HeaderMap = snapshot.halted ? {} : { 'Retry-After': retryAfterSeconds(context) };
    send(
      res,
      502,
      { ...corsHeaders, 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store', ...retry },
      snapshot.body,
    );
    return;
  }
  // Built as one literal: this is the hot path of a busy relay.
  const headers: HeaderMap = {
    'Content-Type': JSON_CONTENT_TYPE,
    // private: the counts are an admin's data, often behind a token; no shared cache should keep them.
    'Cache-Control': `private, max-age=${maxAgeSeconds(context, snapshot.halted)}`,
    ETag: snapshot.etag,
  };
  // Stale counts: tell the client when the relay will try WHMCS again, as the 502 does.
  if (state.error !== undefined && !snapshot.halted) {
    headers['Retry-After'] = retryAfterSeconds(context);
  }
  for (const name in corsHeaders) headers[name] = corsHeaders[name] as string | number;
  if (ifNoneMatchMatches(req.headers['if-none-match'], snapshot.etag)) {
    send(res, 304, headers);
    return;
  }
  send(res, 200, headers, snapshot.body);
}

/** The policy's real next attempt (TTL, backoff, WHMCS's own Retry-After), in whole seconds. */
function retryAfterSeconds(context: RelayContext): number {
  return Math.max(1, Math.ceil(context.policy.msUntilNextAttempt() / 1000));
}

/** Seconds until the relay would ask WHMCS again: that long, the answer cannot change. */
function maxAgeSeconds(context: RelayContext, halted: boolean): number {
  if (halted) return 0;
  return Math.floor(context.policy.msUntilNextAttempt() / 1000);
}

async function withinWait<T>(promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, UPSTREAM_WAIT_MS, undefined);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
