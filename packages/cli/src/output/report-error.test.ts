import {
  InvalidConfigurationError,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
  wording,
} from '@whmcs-ticket-counts/core';
import { InvalidRelayOptionsError, RelayListenError } from '@whmcs-ticket-counts/relay';
import { describe, expect, it } from 'vitest';
import { PortUnavailableError } from '../port-unavailable-error.js';
import { UsageError } from '../usage-error.js';
import { Redactor } from './redactor.js';
import { reportError } from './report-error.js';

const SECRET = 'report-error-secret-Yh62';

function report(error: unknown, debug = false) {
  const redactor = new Redactor();
  redactor.add(SECRET);
  let stderr = '';
  const code = reportError(error, { err: (text) => (stderr += text), debug, redactor });
  return { code, stderr };
}

describe('reportError', () => {
  it('prints usage errors on one line, exit 2', () => {
    expect(report(new UsageError('No WHMCS URL given; pass --url URL or set WHMCS_URL.'))).toEqual({
      code: 2,
      stderr: 'whmcs-ticket-counts: No WHMCS URL given; pass --url URL or set WHMCS_URL.\n',
    });
  });

  it('prints WHMCS errors as core words them, exit 1; configuration errors exit 2', () => {
    const timeout = new TimeoutError('No answer within 1 second; allow a longer timeout.', {
      detail: 'aborted',
    });
    expect(report(timeout)).toEqual({
      code: 1,
      stderr:
        'whmcs-ticket-counts: No answer within 1 second; allow a longer timeout (check --timeout).\n',
    });
    expect(
      report(new InvalidConfigurationError('The WHMCS URL must start with https://.')).code,
    ).toBe(2);
  });

  it('names the flag and variable of the option core says is at fault', () => {
    const error = new InvalidConfigurationError(
      'The access key may only contain letters and digits; fix it.',
      { field: 'accessKey' },
    );
    expect(report(error)).toEqual({
      code: 2,
      stderr:
        'whmcs-ticket-counts: The access key may only contain letters and digits; fix it (check --access-key / WHMCS_ACCESS_KEY).\n',
    });
  });

  it('does not say "check" twice when the advice already checks something', () => {
    const error = new InvalidConfigurationError(
      'The CA file could not be read (ENOENT); check the path and its permissions.',
      { field: 'caFile' },
    );
    expect(report(error).stderr).toBe(
      'whmcs-ticket-counts: The CA file could not be read (ENOENT); check the path and its permissions (--ca-file).\n',
    );
  });

  it("leaves alone the field of an unexpected answer, which names a field of WHMCS's JSON", () => {
    const error = new UnexpectedResponseError(
      'WHMCS sent "x" for "identifier"; report this.',
      'identifier',
      '"x"',
    );
    expect(report(error).stderr).toBe(
      'whmcs-ticket-counts: WHMCS sent "x" for "identifier"; report this.\n',
    );
  });

  it('redacts only the text from outside in core errors, never their own words', () => {
    const redactor = new Redactor();
    redactor.add('server');
    let stderr = '';
    const error = new NetworkError(
      wording`Nothing answered at ${'http://127.0.0.1/server/'}; check that the server is running.`,
    );
    reportError(error, { err: (text) => (stderr += text), debug: false, redactor });
    expect(stderr).toBe(
      'whmcs-ticket-counts: Nothing answered at http://127.0.0.1/[redacted]/; check that the server is running.\n',
    );
  });

  it('adds the redacted detail with --debug', () => {
    const timeout = new TimeoutError('No answer.', { detail: `body had ${SECRET}\nand more` });
    expect(report(timeout, true).stderr).toBe(
      'whmcs-ticket-counts: No answer (check --timeout).\nwhmcs-ticket-counts: detail: body had [redacted] and more\n',
    );
  });

  it('maps the relay failing to listen to exit 1, bad relay options to exit 2', () => {
    expect(
      report(new RelayListenError('Port 127.0.0.1:8787 is already in use; choose another port.')),
    ).toEqual({
      code: 1,
      stderr: 'whmcs-ticket-counts: Port 127.0.0.1:8787 is already in use; choose another port.\n',
    });
    expect(report(new InvalidRelayOptionsError('The relay TTL must be positive.')).code).toBe(2);
  });

  it('prints a port the command could not listen on, naming its flag, exit 1', () => {
    const error = new PortUnavailableError(
      'Port 8787 on 127.0.0.1 is already in use; stop the other program or choose another port with --relay-port.',
    );
    expect(report(error)).toEqual({
      code: 1,
      stderr:
        'whmcs-ticket-counts: Port 8787 on 127.0.0.1 is already in use; stop the other program or choose another port with --relay-port.\n',
    });
  });

  it('explains a port already in use by the simulator', () => {
    const error = Object.assign(new Error('listen EADDRINUSE'), {
      code: 'EADDRINUSE',
      port: 8080,
      address: '127.0.0.1',
    });
    expect(report(error).stderr).toBe(
      "whmcs-ticket-counts: port 8080 on 127.0.0.1 is already in use; choose another port with the command's port flag.\n",
    );
  });

  it('blames the address, not a blank port, when a raw listen error says it is not local', () => {
    const error = Object.assign(new Error('listen EADDRNOTAVAIL'), {
      code: 'EADDRNOTAVAIL',
      address: '192.0.2.1',
    });
    expect(report(error)).toEqual({
      code: 1,
      stderr:
        "whmcs-ticket-counts: cannot listen on 192.0.2.1, which is not one of this machine's addresses (EADDRNOTAVAIL); choose a local address, such as 127.0.0.1.\n",
    });
    const denied = Object.assign(new Error('listen EACCES'), {
      code: 'EACCES',
      address: '0.0.0.0',
    });
    expect(report(denied).stderr).toBe(
      'whmcs-ticket-counts: cannot listen on a free port on 0.0.0.0 (EACCES); choose a port above 1023.\n',
    );
  });

  it('turns an unexpected bug into one line suggesting --debug, never a stack trace', () => {
    const bug = new TypeError(`Cannot read properties of undefined (reading '${SECRET}')`);
    const plain = report(bug);
    expect(plain).toEqual({
      code: 1,
      stderr:
        'whmcs-ticket-counts: unexpected internal error (TypeError); run again with --debug for details and report it.\n',
    });
    const debug = report(bug, true);
    expect(debug.stderr).toMatch(
      /^whmcs-ticket-counts: unexpected internal error \(TypeError\); details follow/,
    );
    expect(debug.stderr).toContain('    at ');
    expect(debug.stderr).toContain('[redacted]');
    expect(debug.stderr).not.toContain(SECRET);
    expect(report('a thrown string').stderr).toContain('unexpected internal error (string)');
  });
});
