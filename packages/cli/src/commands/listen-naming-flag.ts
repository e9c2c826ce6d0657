import { PortUnavailableError } from '../port-unavailable-error.js';

interface ListenFailure {
  code?: string;
  port?: number;
  address?: string;
}

/**
 * Runs `start` (something that listens on a port picked by `flag`) and, when the port is taken or
 * not allowed, says which flag picks another: the relay's and the simulator's own messages cannot
 * know whether the command calls it --port or --relay-port.
 */
export async function listenNamingFlag<T>(flag: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const failure = listenFailureOf(error);
    if (failure === undefined) throw error;
    const where = `${failure.port ?? ''} on ${failure.address ?? 'this host'}`;
    throw new PortUnavailableError(
      failure.code === 'EADDRINUSE'
        ? `Port ${where} is already in use; stop the other program or choose another port with ${flag}.`
        : `Cannot listen on port ${where} (${failure.code}); choose a port above 1023 with ${flag} and a local address.`,
      { cause: error },
    );
  }
}

/** Node's listen error, directly or as the cause of the relay's RelayListenError. */
function listenFailureOf(error: unknown): ListenFailure | undefined {
  for (let candidate = error, depth = 0; candidate && depth < 3; depth++) {
    const failure = candidate as ListenFailure & { cause?: unknown };
    if (
      failure.code === 'EADDRINUSE' ||
      failure.code === 'EACCES' ||
      failure.code === 'EADDRNOTAVAIL'
    ) {
      return failure;
    }
    candidate = failure.cause;
  }
  return undefined;
}
