import { describe, expect, it } from 'vitest';
import { HttpStatusError } from './errors/http-status-error.js';
import { NotJsonError } from './errors/not-json-error.js';
import { PermissionError } from './errors/permission-error.js';
import { RedirectError } from './errors/redirect-error.js';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import { WhmcsApiError } from './errors/whmcs-api-error.js';
import { interpretResponse } from './interpret-response.js';
import { expectOneSentence } from './test-support/expect-safe-error.js';

// Pure function over what a transport returns: the HTTP paths are covered against the simulator
// in error-kinds.test.ts; these are the shapes the simulator cannot produce.
const context = {
  apiUrl: new URL('https://example.com/billing/includes/api.php'),
  authKind: 'api-credential' as const,
};

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return { status, body, headers: new Headers(headers) };
}

function failure(status: number, body: string, headers?: Record<string, string>): Error {
  try {
    interpretResponse(respond(status, body, headers), context);
  } catch (error) {
    expectOneSentence((error as Error).message);
    return error as Error;
  }
  throw new Error('expected a failure');
}

const success =
  '{"result":"success","filteredDepartments":[],"allActive":1,"awaitingReply":1,"flaggedTickets":0}';

describe('interpretResponse', () => {
  it('parses a success body whatever the HTTP status', () => {
    expect(interpretResponse(respond(200, success), context).allActive).toBe(1);
    expect(interpretResponse(respond(500, success), context).allActive).toBe(1);
  });

  it("reads WHMCS's error body on 403 as the mapped error, not as an HTTP error", () => {
    const error = failure(
      403,
      '{"result":"error","message":"Invalid Permissions: API action \\"getticketcounts\\" is not allowed"}',
    );
    expect(error).toBeInstanceOf(PermissionError);
  });

  it('reads the other error shape ({status:"error", message}) too', () => {
    expect(failure(200, '{"status":"error","message":"Something broke"}')).toBeInstanceOf(
      WhmcsApiError,
    );
  });

  it('treats an unknown JSON error on 429/5xx as the HTTP error it is (retryable)', () => {
    const busy = failure(503, '{"result":"error","message":"Service busy"}', {
      'retry-after': '30',
    });
    expect(busy).toBeInstanceOf(HttpStatusError);
    expect(busy).toMatchObject({ status: 503, retryable: true, retryAfterMs: 30_000 });
    expect(failure(429, '{"result":"error","message":"Slow down"}')).toMatchObject({
      status: 429,
      retryable: true,
    });
    // A known WHMCS message keeps its own class whatever the status.
    expect(
      failure(500, '{"result":"error","message":"Authentication Failed"}').constructor.name,
    ).toBe('AuthenticationError');
  });

  it('never takes a status object (a success field) for an error', () => {
    const error = failure(200, '{"status":{"open":{"title":"Open","count":1}}}');
    expect(error).toBeInstanceOf(UnexpectedResponseError);
  });

  it('reports an opaque browser redirect (status 0) without a location', () => {
    const error = failure(0, '') as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.status).toBe(0);
    expect(error.location).toBeUndefined();
  });

  it('reports a redirect without Location, and strips credentials from a Location', () => {
    const bare = failure(302, '') as RedirectError;
    expect(bare.location).toBeUndefined();
    expect(bare.message).toContain('update the URL to where WHMCS really is');
    const withUser = failure(301, '', {
      location: 'https://u:p@example.com/x/includes/api.php',
    }) as RedirectError;
    expect(withUser.location).toBe('https://example.com/x/includes/api.php');
  });

  it('maps 401 without WWW-Authenticate, 403 HTML and 500 HTML to HttpStatusError', () => {
    const plain401 = failure(401, 'nope') as HttpStatusError;
    expect(plain401).toMatchObject({ status: 401, basicAuth: false, stopsPolling: true });
    const waf = failure(403, '<html>Blocked by WAF</html>', {
      'content-type': 'text/html',
    }) as HttpStatusError;
    expect(waf).toMatchObject({ status: 403, retryable: false, stopsPolling: false });
    expect(failure(500, '<html>oops</html>')).toMatchObject({ status: 500, retryable: true });
  });

  it('says to use https:// when nginx or Apache says plain HTTP reached their HTTPS port', () => {
    // Their own 400 pages, verbatim (nginx 1.22, Apache 2.4).
    const nginx =
      '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
    const apache =
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>400 Bad Request</title>\n</head><body>\n<h1>Bad Request</h1>\n<p>Your browser sent a request that this server could not understand.<br />\nReason: You\'re speaking plain HTTP to an SSL-enabled server port.<br />\n Instead use the HTTPS scheme to access this URL, please.<br />\n</p>\n</body></html>\n';
    const plainHttp = { ...context, apiUrl: new URL('http://example.com:443/includes/api.php') };
    for (const body of [nginx, apache]) {
      let error: unknown;
      try {
        interpretResponse(respond(400, body, { 'content-type': 'text/html' }), plainHttp);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(HttpStatusError);
      expect((error as Error).message).toBe(
        'The server at example.com:443 speaks HTTPS on that port and refused plain HTTP (HTTP 400); write the WHMCS URL with https://.',
      );
    }
    // Another 400 is still just a wrong URL.
    expect(failure(400, '<html>Bad Request</html>').message).toMatch(/not WHMCS's API/);
  });

  it('takes Retry-After as an HTTP date', () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const error = failure(503, 'busy', { 'retry-after': inAMinute }) as HttpStatusError;
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('says a Retry-After wait in the units a person would use', () => {
    const wait = (seconds: string) => failure(429, 'slow down', { 'retry-after': seconds }).message;
    expect(wait('1')).toContain('wait 1 second before');
    expect(wait('45')).toContain('wait 45 seconds before');
    expect(wait('150')).toContain('wait 3 minutes before');
    expect(wait('3600')).toContain('wait 1 hour before');
    expect(wait('0')).toContain('wait a moment before');
    // Longer than the hour the refresh engine ever waits: say what was asked and what happens.
    const absurd = wait('99999999');
    expect(absurd).toContain('asks for a wait of 1158 days');
    expect(absurd).toContain('wait 1 hour before trying again');
    expect(wait('7200')).toContain('asks for a wait of 2 hours');
  });

  it('says when to try again after a 503 that sent Retry-After', () => {
    const busy = failure(503, 'busy', { 'retry-after': '120' }).message;
    expect(busy).toContain('try again in 2 minutes');
    const absurd = failure(503, 'busy', { 'retry-after': '99999999' }).message;
    expect(absurd).toContain('try again in 1 hour');
    expect(absurd).not.toContain('99999999');
    expect(failure(503, 'busy').message).toContain('try again later');
  });

  it('recognises the old name=value format and an empty body', () => {
    const nvp = failure(200, 'result=success;allActive=1;') as NotJsonError;
    expect(nvp.message).toMatch(/name=value format/);
    const empty = failure(200, '') as NotJsonError;
    expect(empty).toBeInstanceOf(NotJsonError);
    expect(empty.message).toMatch(/empty body/);
  });

  it('says JSON without a result is unexpected', () => {
    expect(failure(200, '[1,2]')).toBeInstanceOf(UnexpectedResponseError);
    expect(failure(200, '"ok"')).toBeInstanceOf(UnexpectedResponseError);
  });
});
