import type { RefreshState, TicketCounts } from '@whmcs-ticket-counts/core';
import { viewerMessage } from './error-message.js';
import { scrubKind } from './scrub-message.js';
import type { UpstreamAddress } from './upstream-address.js';

export interface RelayErrorInfo {
  kind: string;
  message: string;
}

/** `GET /ticket-counts` and every SSE `counts` event: the fields of `get --json` plus freshness. */
export interface RelayPayload {
  filteredDepartments: number[];
  allActive: number | null;
  awaitingReply: number | null;
  flaggedTickets: number | null;
  status?: Record<string, { title: string; count: number | null }>;
  /** ISO time of the last good value. */
  fetchedAt: string;
  /** The last attempt failed, so the counts may be out of date. */
  stale: boolean;
  error?: RelayErrorInfo;
}

/** No good value exists yet and the last attempt failed (served with HTTP 502). */
export interface RelayErrorPayload {
  error: RelayErrorInfo;
}

/**
 * Builds the payload from the engine's state, field by field, so nothing the load returned
 * beyond the documented fields (and nothing of an error but kind and message) leaves the relay.
 * The message names WHMCS instead of its address when `upstream` is known.
 * `undefined` while nothing has been tried yet.
 */
export function toRelayPayload(
  state: RefreshState<TicketCounts>,
  redact: readonly string[],
  upstream?: UpstreamAddress,
): RelayPayload | RelayErrorPayload | undefined {
  const error = state.error
    ? { kind: scrubKind(state.error.kind), message: viewerMessage(state.error, redact, upstream) }
    : undefined;
  const value = state.value;
  if (!value || state.fetchedAt === undefined) {
    return error ? { error } : undefined;
  }
  const payload: RelayPayload = {
    filteredDepartments: [...value.filteredDepartments],
    allActive: value.allActive,
    awaitingReply: value.awaitingReply,
    flaggedTickets: value.flaggedTickets,
    fetchedAt: new Date(state.fetchedAt).toISOString(),
    stale: state.stale || error !== undefined,
  };
  if (value.status) payload.status = copyStatus(value.status);
  if (error) payload.error = error;
  return payload;
}

function copyStatus(status: NonNullable<TicketCounts['status']>): RelayPayload['status'] {
  const copy: NonNullable<RelayPayload['status']> = {};
  for (const [key, entry] of Object.entries(status)) {
    copy[key] = { title: entry.title, count: entry.count };
  }
  return copy;
}

export function isErrorPayload(
  payload: RelayPayload | RelayErrorPayload,
): payload is RelayErrorPayload {
  return !('fetchedAt' in payload);
}
