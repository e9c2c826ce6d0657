import { describe, expect, it } from 'vitest';
import { NetworkError } from './errors/network-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { describeNetworkFailure } from './network-failure.js';
import { expectOneSentence } from './test-support/expect-safe-error.js';

// Real socket errors come from the HTTP tests (refused port) and tls.test.ts (certificates). DNS
// failures cannot be provoked without traffic beyond 127.0.0.1, so these mimic the shapes Node and
// undici produce: fetch's TypeError with the socket error as cause, and happy-eyeballs AggregateErrors.
function nodeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}
function fetchFailed(cause: unknown): Error {
  return new TypeError('fetch failed', { cause });
}

const url = new URL('https://billing.example.com/includes/api.php');

describe('describeNetworkFailure', () => {
  it.each([
    ['ECONNREFUSED', /Nothing answered at billing\.example\.com:443/],
    ['ENOTFOUND', /could not be found.*DNS/],
    ['EAI_AGAIN', /looked up/],
    ['ECONNRESET', /reset/],
    ['UND_ERR_SOCKET', /closed before WHMCS answered/],
    ['EHOSTUNREACH', /unreachable/],
  ])('%s (inside fetch’s cause) → NetworkError', (code, message) => {
    const error = describeNetworkFailure(fetchFailed(nodeError(code)), { url });
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(message);
    expect(error.retryable).toBe(true);
    expectOneSentence(error.message);
  });

  // Found by a tester: "The host name of billing.example.invalid:80 could not be found" glued the port to the name.
  it('names the host alone when DNS fails', () => {
    const error = describeNetworkFailure(fetchFailed(nodeError('ENOTFOUND')), { url });
    expect(error.message).toBe(
      'The host name billing.example.com could not be found (ENOTFOUND); check the WHMCS URL for typos and the DNS settings.',
    );
    const later = describeNetworkFailure(fetchFailed(nodeError('EAI_AGAIN')), { url });
    expect(later.message).toMatch(
      /^The host name billing\.example\.com could not be looked up right now/,
    );
  });

  it('finds the code inside an AggregateError', () => {
    const aggregate = Object.assign(
      new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], ''),
      {},
    );
    expect(describeNetworkFailure(fetchFailed(aggregate), { url }).message).toMatch(
      /Nothing answered/,
    );
  });

  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', /CA file/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /CA file/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /CA file/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', /CA file/],
    ['CERT_HAS_EXPIRED', /expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /host name/],
  ])('%s → NetworkError with a TLS hint that never says to disable verification', (code, hint) => {
    const error = describeNetworkFailure(fetchFailed(nodeError(code)), { url }) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.tlsHint).toMatch(hint);
    expect(error.message).toContain(code);
    expect(`${error.message} ${error.tlsHint}`).not.toMatch(
      /NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized|--insecure|-k\b/,
    );
    expectOneSentence(error.message);
  });

  it.each([
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ETIMEDOUT',
  ])('%s → TimeoutError with the seconds', (code) => {
    const error = describeNetworkFailure(nodeError(code), { url, timeoutMs: 15_000 });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('within 15 seconds');
    expectOneSentence(error.message);
  });

  it('falls back to a generic NetworkError for a browser’s bare TypeError', () => {
    const error = describeNetworkFailure(new TypeError('Failed to fetch'), { url });
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/Could not reach billing\.example\.com:443/);
    expect(error.detail).toBe('Failed to fetch');
  });
});
