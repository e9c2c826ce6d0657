import { describe, expect, it } from 'vitest';
import { InvalidPayloadError, RelayReportedError } from './errors.js';
import { relayErrorMessage, toRelayPayload } from './relay-payload.js';

const good = {
  filteredDepartments: [1],
  allActive: 12,
  awaitingReply: 4,
  flaggedTickets: null,
  status: { open: { title: 'Open', count: 3 } },
  fetchedAt: '2026-01-01T12:00:00.000Z',
  stale: false,
};

describe('toRelayPayload', () => {
  it('accepts the relay payload, null meaning "counts disabled"', () => {
    expect(toRelayPayload(good)).toEqual(good);
  });
  it('rejects anything that is not counts, with one sentence that says what to check', () => {
    for (const bad of [
      null,
      [],
      'x',
      { ...good, allActive: 'x' },
      { ...good, awaitingReply: undefined },
      { ...good, allActive: -3 },
      { ...good, awaitingReply: 1.5 },
      { ...good, status: [] },
      { ...good, flaggedTickets: Number.NaN },
      { ...good, allActive: 2 ** 53 },
    ]) {
      expect(() => toRelayPayload(bad)).toThrow(InvalidPayloadError);
    }
    expect(() => toRelayPayload(null)).toThrow(
      'These are not ticket counts; give allActive, awaitingReply and flaggedTickets as whole numbers or null.',
    );
  });
  it('rejects malformed statuses', () => {
    expect(() => toRelayPayload({ ...good, status: { open: { title: 1, count: 3 } } })).toThrow(
      InvalidPayloadError,
    );
    expect(() =>
      toRelayPayload({ ...good, status: { open: { title: 'Open', count: '3' } } }),
    ).toThrow(InvalidPayloadError);
  });
  it("passes on the relay's own message when it has no counts to give", () => {
    const body = {
      error: { kind: 'authentication', message: 'WHMCS rejected the credential; fix it.' },
    };
    expect(() => toRelayPayload(body)).toThrow(RelayReportedError);
    expect(() => toRelayPayload(body)).toThrow('WHMCS rejected the credential; fix it.');
    expect(relayErrorMessage(body)).toBe('WHMCS rejected the credential; fix it.');
    expect(relayErrorMessage({ error: 'text' })).toBeUndefined();
  });
});
