/**
 * What the engine needs from a failure. Structurally the contract's WhmcsError, so a WhmcsError
 * always fits.
 */
export interface RefreshError extends Error {
  readonly kind: string;
  readonly retryable: boolean;
  readonly stopsPolling: boolean;
  readonly retryAfterMs?: number;
}

export function toRefreshError(error: unknown): RefreshError {
  if (isRefreshError(error)) return error;
  return new UnknownRefreshFailureError(error);
}

function isRefreshError(error: unknown): error is RefreshError {
  return (
    error instanceof Error &&
    typeof (error as Partial<RefreshError>).kind === 'string' &&
    typeof (error as Partial<RefreshError>).retryable === 'boolean' &&
    typeof (error as Partial<RefreshError>).stopsPolling === 'boolean'
  );
}

/** Placeholder until core's toWhmcsError exists: treats an unknown failure as a retryable network error. */
class UnknownRefreshFailureError extends Error {
  override readonly name = 'NetworkError';
  readonly kind = 'network';
  readonly retryable = true;
  readonly stopsPolling = false;
  constructor(cause: unknown) {
    super('The request failed; check the network connection and try again.', { cause });
  }
}
