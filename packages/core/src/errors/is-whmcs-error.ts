import { WhmcsError } from './whmcs-error.js';

/**
 * Narrows to a WhmcsError. Falls back to duck typing because two copies of core (e.g. one bundled
 * in an extension) have distinct classes.
 */
export function isWhmcsError(error: unknown): error is WhmcsError {
  if (error instanceof WhmcsError) return true;
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<Record<'kind' | 'retryable' | 'stopsPolling', unknown>>;
  return (
    typeof candidate.kind === 'string' &&
    typeof candidate.retryable === 'boolean' &&
    typeof candidate.stopsPolling === 'boolean'
  );
}
