import { isWhmcsError } from '@whmcs-ticket-counts/core';
import { OutputWriteError } from '../output-write-error.js';
import { PortUnavailableError } from '../port-unavailable-error.js';
import { UsageError } from '../usage-error.js';
import { optionNameFor } from './option-names.js';
import type { Redactor } from './redactor.js';
import { terminalSafe } from './terminal-text.js';

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * Prints ONE line on stderr for any error and returns the exit code: 2 for usage and
 * configuration mistakes, 1 for WHMCS, network and unexpected failures. With `debug`, the
 * (redacted) detail or stack follows on further lines.
 */
export function reportError(
  error: unknown,
  context: { err(text: string): void; debug: boolean; redactor: Redactor },
): number {
  const { err, debug, redactor } = context;
  const say = (text: string) => err(`whmcs-ticket-counts: ${oneLine(redactor.redact(text))}\n`);
  // Core's errors know which text is ours and which came from outside; redacting the whole line
  // would rewrite our own words when a short secret is one of them, and so spell the secret out.
  const sayOwn = (text: string) => err(`whmcs-ticket-counts: ${oneLine(text)}\n`);

  if (error instanceof UsageError) {
    say(error.message);
    return exitCodes.usage;
  }
  if (isWhmcsError(error) && typeof error.redactSecrets === 'function') {
    error.redactSecrets(redactor.secrets);
    // UnexpectedResponseError's `field` names a field of WHMCS's answer, not an option. A timeout
    // advises a longer one, which only the user's flag can give.
    const field =
      error.kind === 'unexpected-response'
        ? undefined
        : error.kind === 'timeout'
          ? 'timeout'
          : (error as { field?: unknown }).field;
    sayOwn(withOptionName(error.message, field));
    if (debug && error.detail) err(`whmcs-ticket-counts: detail: ${oneLine(error.detail)}\n`);
    // A configuration error (bad URL, unreadable CA file) is fixed on the command line, like usage errors.
    return error.kind === 'configuration' ? exitCodes.usage : exitCodes.failure;
  }
  if (error instanceof PortUnavailableError || error instanceof OutputWriteError) {
    say(error.message);
    return exitCodes.failure;
  }
  // Matched by name so that `get` never loads the relay just to report an error.
  if (isNamed(error, 'RelayListenError')) {
    say(error.message);
    return exitCodes.failure;
  }
  if (isNamed(error, 'InvalidRelayOptionsError')) {
    say(error.message);
    return exitCodes.usage;
  }
  const listenFailure = describeListenFailure(error);
  if (listenFailure !== undefined) {
    say(listenFailure);
    return exitCodes.failure;
  }
  const name = error instanceof Error ? error.name : typeof error;
  say(
    debug
      ? `unexpected internal error (${name}); details follow, please include them in a bug report.`
      : `unexpected internal error (${name}); run again with --debug for details and report it.`,
  );
  if (debug) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    err(`${redactor.redact(text)}\n`);
  }
  return exitCodes.failure;
}

function describeListenFailure(error: unknown): string | undefined {
  const { code, port, address } = (error ?? {}) as {
    code?: string;
    port?: number;
    address?: string;
  };
  const where = address ?? 'this host';
  // Node leaves port 0 (a free port) out of its error: never print a blank port.
  const which = port ? `port ${port}` : 'a free port';
  if (code === 'EADDRINUSE') {
    return `${which} on ${where} is already in use; choose another port with the command's port flag.`;
  }
  if (code === 'EADDRNOTAVAIL') {
    return `cannot listen on ${address ?? 'that address'}, which is not one of this machine's addresses (EADDRNOTAVAIL); choose a local address, such as 127.0.0.1.`;
  }
  if (code === 'EACCES') {
    return `cannot listen on ${which} on ${where} (EACCES); choose a port above 1023.`;
  }
  return undefined;
}

/** "…; fix the access key." → "…; fix the access key (check --access-key / WHMCS_ACCESS_KEY)." */
function withOptionName(message: string, field: unknown): string {
  const name = optionNameFor(field);
  if (name === undefined || message.includes(name)) return message;
  const advice = message.slice(message.lastIndexOf(';') + 1);
  // "…; check the path and its permissions (check --ca-file)" would say "check" twice.
  const hint = /\bcheck\b/i.test(advice) ? name : `check ${name}`;
  return `${message.replace(/\.$/, '')} (${hint}).`;
}

function isNamed(error: unknown, name: string): error is Error {
  return error instanceof Error && error.name === name;
}

function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}
