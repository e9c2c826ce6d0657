import type { StatusCount, TicketCount } from './core-browser.js';
import { InvalidPayloadError, RelayReportedError } from './errors.js';

/** What the relay serves at `GET /ticket-counts` and in each `event: counts`. */
export interface RelayPayload {
  filteredDepartments: number[];
  allActive: TicketCount;
  awaitingReply: TicketCount;
  flaggedTickets: TicketCount;
  status?: Record<string, StatusCount>;
  /** ISO time of the last good upstream answer. */
  fetchedAt?: string;
  /** The relay's last refresh failed; these are older counts. */
  stale?: boolean;
  error?: { kind: string; message: string };
}

// Counts are whole, never negative and exact: `-3`, `1.5` or `1e21` would be shown as if they were
// real (core's schema draws the same line).
const isCount = (value: unknown): value is TicketCount =>
  value === null || (Number.isSafeInteger(value) && (value as number) >= 0);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A relay error message, if the body carries one (the relay sends only safe text there). */
export function relayErrorMessage(json: unknown): string | undefined {
  const error = isRecord(json) ? json.error : undefined;
  return isRecord(error) && typeof error.message === 'string' ? error.message : undefined;
}

/** Checks untrusted JSON (relay, inline script, `data` property) without pulling zod into pages. */
export function toRelayPayload(json: unknown): RelayPayload {
  if (!isRecord(json)) throw new InvalidPayloadError();
  const { allActive, awaitingReply, flaggedTickets, status } = json;
  if (!isCount(allActive) || !isCount(awaitingReply) || !isCount(flaggedTickets)) {
    const message = relayErrorMessage(json);
    throw message ? new RelayReportedError(message) : new InvalidPayloadError();
  }
  if (status !== undefined) {
    if (!isRecord(status) || Array.isArray(status)) throw new InvalidPayloadError();
    for (const entry of Object.values(status)) {
      if (!isRecord(entry) || typeof entry.title !== 'string' || !isCount(entry.count)) {
        throw new InvalidPayloadError();
      }
    }
  }
  return json as unknown as RelayPayload;
}
