import {
  AuthenticationError,
  HttpStatusError,
  NetworkError,
  NotJsonError,
  TimeoutError,
} from '@whmcs-ticket-counts/core';
import { describe, expect, it } from 'vitest';
import { endsServeAtStartup } from './ends-serve-at-startup.js';

const http = (status: number) => new HttpStatusError(`HTTP ${status}`, status, false);

describe('endsServeAtStartup', () => {
  it.each([404, 405, 501, 400, 403])(
    'a configuration mistake (HTTP %i) ends serve: waiting will not fix it',
    (status) => {
      expect(endsServeAtStartup(http(status))).toBe(true);
    },
  );

  it('a failure the relay never retries ends serve', () => {
    expect(endsServeAtStartup(new AuthenticationError('Authentication failed.'))).toBe(true);
  });

  it.each([
    ['timeout', new TimeoutError('No answer.')],
    ['network', new NetworkError('Connection refused.')],
    ['HTTP 502', http(502)],
    ['HTTP 503', http(503)],
    ['HTTP 429', http(429)],
    [
      'a maintenance page',
      new NotJsonError('Maintenance.', { status: 200, contentType: 'text/html', snippet: '' }),
    ],
  ])('a passing failure (%s) only warns: the relay keeps retrying', (_, error) => {
    expect(endsServeAtStartup(error)).toBe(false);
  });
});
