import {
  NetworkError,
  type RefreshState,
  type TicketCounts,
  wording,
} from '@whmcs-ticket-counts/core';
import { describe, expect, it } from 'vitest';
import { toRelayPayload } from './relay-payload.js';

function failedState(error: RefreshState<TicketCounts>['error']): RefreshState<TicketCounts> {
  return { stale: false, error, halted: false, refreshing: false, consecutiveFailures: 1 };
}

describe('toRelayPayload error messages', () => {
  // Found by a new user: with a one-letter secret, "The server …" came out as "Th[redacted] s[redacted]rv…".
  it("keeps core's own wording whole when a configured secret is a short word", () => {
    const error = new NetworkError(
      wording`Nothing answered at ${'127.0.0.1:9'}; check the WHMCS URL and that the server is running.`,
    );
    const payload = toRelayPayload(failedState(error), ['e', 'server']);
    expect(payload).toEqual({
      error: {
        kind: 'network',
        message:
          'Nothing answered at 127.0.0.1:9; check the WHMCS URL and that the server is running.',
      },
    });
  });

  it('still redacts a configured secret inside the parts that came from outside', () => {
    const error = new NetworkError(
      wording`Nothing answered at ${'host-with-Zz9secret:9'}; check the WHMCS URL.`,
    );
    const payload = toRelayPayload(failedState(error), ['Zz9secret']);
    expect(JSON.stringify(payload)).not.toContain('Zz9secret');
    expect(JSON.stringify(payload)).toContain('check the WHMCS URL.');
  });

  it('redacts the whole message of an error core did not build', () => {
    const error = Object.assign(new Error('upstream said e-mail me at server'), {
      kind: 'network',
      retryable: true,
      stopsPolling: false,
    }) as unknown as RefreshState<TicketCounts>['error'];
    const payload = toRelayPayload(failedState(error), ['server']);
    expect(JSON.stringify(payload)).not.toContain('server');
  });
});
