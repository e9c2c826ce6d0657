import { expect } from 'vitest';
import type { WhmcsError } from '../errors/whmcs-error.js';
import { FORBIDDEN_STRINGS } from './distinct-secrets.js';

type ErrorClass<T> = abstract new (...args: never[]) => T;

/**
 * The contract of every error a user can meet: the exact class, one sentence that says what to do,
 * and no secret in the message, detail, stack, JSON or any other string field.
 */
export function expectSafeError<T extends WhmcsError>(
  error: unknown,
  errorClass: ErrorClass<T>,
): T {
  expect(error).toBeInstanceOf(errorClass);
  const whmcsError = error as T;
  expectOneSentence(whmcsError.message);
  const everything = [
    whmcsError.message,
    whmcsError.stack ?? '',
    JSON.stringify(whmcsError),
    ...Object.values(whmcsError).filter((value): value is string => typeof value === 'string'),
  ].join('\n');
  for (const forbidden of FORBIDDEN_STRINGS) expect(everything).not.toContain(forbidden);
  return whmcsError;
}

export function expectOneSentence(message: string): void {
  expect(message).not.toMatch(/\n/);
  expect(message).toMatch(/[^.]\.$/);
  // A sentence boundary is a full stop followed by a space and a capital letter.
  expect(message).not.toMatch(/[.!?]\s+[A-Z]/);
  // What to do: every message carries an instruction after the semicolon or comma.
  expect(message).toMatch(/[;,] /);
  expect(message.length).toBeLessThan(400);
}

/** Awaits a promise that must reject, and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
