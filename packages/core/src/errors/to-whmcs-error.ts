import { describeNetworkFailure, type NetworkFailureContext } from '../network-failure.js';
import { isWhmcsError } from './is-whmcs-error.js';
import type { WhmcsError } from './whmcs-error.js';

/** Returns a WhmcsError as is; anything else becomes a NetworkError (or TimeoutError for timeouts). */
export function toWhmcsError(error: unknown, context?: NetworkFailureContext): WhmcsError {
  if (isWhmcsError(error)) return error;
  return describeNetworkFailure(error, context);
}
