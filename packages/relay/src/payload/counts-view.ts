import type { RefreshState, TicketCounts } from '@whmcs-ticket-counts/core';
import { isErrorPayload, toRelayPayload } from './relay-payload.js';
import { createRepresentation, type Representation } from './representation.js';
import type { UpstreamAddress } from './upstream-address.js';

/** What viewers get for one engine state: the body, its ETag, and whether it holds counts. */
export interface CountsSnapshot extends Representation {
  /** False when no good value exists yet and the last attempt failed. */
  readonly hasCounts: boolean;
  readonly fetchedAt: number | undefined;
  readonly halted: boolean;
}

/**
 * Serialises the payload once per engine state (states are immutable objects), so a cached GET
 * costs a lookup, not a JSON.stringify and a hash.
 */
export class CountsView {
  readonly #redact: readonly string[];
  readonly #upstream: UpstreamAddress | undefined;
  #state: RefreshState<TicketCounts> | undefined;
  #snapshot: CountsSnapshot | undefined;

  constructor(redact: readonly string[], upstream?: UpstreamAddress) {
    this.#redact = redact;
    this.#upstream = upstream;
  }

  /** `undefined` while nothing has been loaded or tried yet. */
  snapshot(state: RefreshState<TicketCounts>): CountsSnapshot | undefined {
    if (state === this.#state) return this.#snapshot;
    const payload = toRelayPayload(state, this.#redact, this.#upstream);
    const previous = this.#snapshot;
    let snapshot: CountsSnapshot | undefined;
    if (payload) {
      const text = JSON.stringify(payload);
      // Keep the same object when only `refreshing` flipped, so callers can compare by identity.
      snapshot =
        previous && previous.text === text && previous.halted === state.halted
          ? previous
          : {
              ...createRepresentation(text),
              hasCounts: !isErrorPayload(payload),
              fetchedAt: state.fetchedAt,
              halted: state.halted,
            };
    }
    this.#state = state;
    this.#snapshot = snapshot;
    return snapshot;
  }
}
