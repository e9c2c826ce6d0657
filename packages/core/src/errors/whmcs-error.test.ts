import { describe, expect, it } from 'vitest';
import { wording } from '../wording.js';
import { AccessKeyError } from './access-key-error.js';
import { ActionNotAvailableError } from './action-not-available-error.js';
import { AuthenticationError } from './authentication-error.js';
import { HttpStatusError } from './http-status-error.js';
import { InvalidConfigurationError } from './invalid-configuration-error.js';
import { IpBannedError } from './ip-banned-error.js';
import { IpNotAllowedError } from './ip-not-allowed-error.js';
import { isWhmcsError } from './is-whmcs-error.js';
import { LicenceError } from './licence-error.js';
import { NetworkError } from './network-error.js';
import { NotJsonError } from './not-json-error.js';
import { PermissionError } from './permission-error.js';
import { RedirectError } from './redirect-error.js';
import { TimeoutError } from './timeout-error.js';
import { toWhmcsError } from './to-whmcs-error.js';
import { UnexpectedResponseError } from './unexpected-response-error.js';
import { WhmcsApiError } from './whmcs-api-error.js';
import type { WhmcsError } from './whmcs-error.js';

const m = 'Something happened; do something.';

// The table in docs/architecture.md, row by row.
describe.each<[WhmcsError, string, string, boolean, boolean]>([
  [new InvalidConfigurationError(m), 'InvalidConfigurationError', 'configuration', false, true],
  [new AuthenticationError(m), 'AuthenticationError', 'authentication', false, true],
  [new IpNotAllowedError(m, '::1'), 'IpNotAllowedError', 'ip-not-allowed', false, true],
  [new AccessKeyError(m), 'AccessKeyError', 'access-key', false, true],
  [new PermissionError(m), 'PermissionError', 'permission', false, true],
  [new IpBannedError(m), 'IpBannedError', 'ip-banned', false, true],
  [new ActionNotAvailableError(m), 'ActionNotAvailableError', 'action-not-available', false, true],
  [new LicenceError(m), 'LicenceError', 'licence', false, true],
  [new WhmcsApiError(m, 'x'), 'WhmcsApiError', 'api-error', false, true],
  [new HttpStatusError(m, 503, false), 'HttpStatusError', 'http', true, false],
  [new HttpStatusError(m, 429, false), 'HttpStatusError', 'http', true, false],
  [new HttpStatusError(m, 501, false), 'HttpStatusError', 'http', false, false],
  [new HttpStatusError(m, 405, false), 'HttpStatusError', 'http', false, false],
  [new HttpStatusError(m, 401, true), 'HttpStatusError', 'http', false, true],
  [new HttpStatusError(m, 403, false), 'HttpStatusError', 'http', false, false],
  [new RedirectError(m, 301, 'https://example.com/'), 'RedirectError', 'redirect', false, true],
  [
    new NotJsonError(m, { status: 200, contentType: 'text/html', snippet: 's' }),
    'NotJsonError',
    'not-json',
    true,
    false,
  ],
  [
    new UnexpectedResponseError(m, 'allActive', '-1'),
    'UnexpectedResponseError',
    'unexpected-response',
    false,
    true,
  ],
  [new TimeoutError(m), 'TimeoutError', 'timeout', true, false],
  [new NetworkError(m), 'NetworkError', 'network', true, false],
])('%o', (error, name, kind, retryable, stopsPolling) => {
  it(`is ${name} / ${kind}, retryable ${retryable}, stopsPolling ${stopsPolling}`, () => {
    expect(error.name).toBe(name);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.stopsPolling).toBe(stopsPolling);
    expect(isWhmcsError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    const json = error.toJSON();
    expect(json).toMatchObject({ name, kind, message: m, retryable, stopsPolling });
    expect(json).not.toHaveProperty('stack');
  });
});

describe('isWhmcsError and toWhmcsError', () => {
  it('recognise a WhmcsError from another copy of the package by its shape', () => {
    const foreign = Object.assign(new Error('x'), {
      kind: 'timeout',
      retryable: true,
      stopsPolling: false,
    });
    expect(isWhmcsError(foreign)).toBe(true);
    expect(isWhmcsError(new Error('x'))).toBe(false);
    expect(isWhmcsError({ kind: 'timeout', retryable: true, stopsPolling: false })).toBe(false);
  });

  it('pass WhmcsErrors through and wrap anything else as a NetworkError', () => {
    const timeout = new TimeoutError(m);
    expect(toWhmcsError(timeout)).toBe(timeout);
    expect(toWhmcsError(new Error('boom'))).toBeInstanceOf(NetworkError);
    expect(toWhmcsError('a string')).toBeInstanceOf(NetworkError);
  });

  it('redact secrets from message, fields and stack in place', () => {
    const error = new WhmcsApiError('WHMCS said hunter2-secret; check it.', 'hunter2-secret', {
      detail: 'body: hunter2-secret',
    });
    error.redactSecrets(['hunter2-secret']);
    expect(`${error.message} ${error.serverMessage} ${error.detail} ${error.stack}`).not.toContain(
      'hunter2',
    );
  });

  it('redact only the holes of our own wording, and keep earlier redactions on a second pass', () => {
    const error = new NetworkError(
      wording`Nothing answered at ${'e.example:80'}; check the server.`,
      {
        detail: wording`HTTP 500 ${'text/html'}: ${'see here'}`,
      },
    );
    error.redactSecrets(['e']).redactSecrets(['x']);
    expect(error.message).toBe(
      'Nothing answered at [redacted].[redacted][redacted]ampl[redacted]:80; check the server.',
    );
    expect(error.detail).toBe(
      'HTTP 500 t[redacted][redacted]t/html: s[redacted][redacted] h[redacted]r[redacted]',
    );
    expect(error.stack?.split('\n')[0]).toBe(`NetworkError: ${error.message}`);
    expect(error.kind).toBe('network');
  });
});
