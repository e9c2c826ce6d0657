import type { TicketCounts } from '@whmcs-ticket-counts/core';
import { adminMessage } from '../payload/error-message.js';
import { scrubKind } from '../payload/scrub-message.js';

export interface LoggedLoad {
  load: (signal: AbortSignal) => Promise<TicketCounts>;
  /** When the last attempt began (ms epoch); the TTL is counted from here. */
  lastAttemptAt: () => number | undefined;
}

/**
 * Wraps the caller's load to record when each upstream attempt starts and to log one line per
 * attempt: duration, outcome kind and, on failure, the message without secrets. Unlike viewers,
 * the admin reading the log gets the WHMCS address in it: it says where the relay looked.
 */
export function createLoggedLoad(
  load: (signal: AbortSignal) => Promise<TicketCounts>,
  log: (line: string) => void,
  redact: readonly string[] = [],
  now: () => number = Date.now,
): LoggedLoad {
  let lastAttemptAt: number | undefined;
  const logged = async (signal: AbortSignal): Promise<TicketCounts> => {
    const started = now();
    lastAttemptAt = started;
    const elapsed = () => `${Math.round(now() - started)} ms`;
    try {
      const value = await load(signal);
      log(`upstream refresh ok in ${elapsed()}`);
      return value;
    } catch (error) {
      if (signal.aborted) {
        log(`upstream refresh aborted after ${elapsed()}`);
      } else {
        const failure = error as { kind?: unknown; stopsPolling?: unknown } | undefined;
        const halt =
          failure?.stopsPolling === true ? '; upstream requests stop until the relay restarts' : '';
        // Anything that is not a WhmcsError becomes a network error in the engine.
        const kind = failure?.kind === undefined ? 'network' : scrubKind(failure.kind);
        log(
          `upstream refresh failed in ${elapsed()}: ${kind}${halt}. ${adminMessage(error, redact)}`,
        );
      }
      throw error;
    }
  };
  return { load: logged, lastAttemptAt: () => lastAttemptAt };
}
