import { PortUnavailableError } from '../port-unavailable-error.js';
import { UsageError } from '../usage-error.js';

interface ListenFailure {
  code?: string;
  port?: number;
  address?: string;
}

/**
 * Runs `start` (something that listens on a port picked by `flag`) and, when the port is taken or
 * not allowed, says which flag picks another: the relay's and the simulator's own messages cannot
 * know whether the command calls it --port or --relay-port. An address that is not this machine's
 * is the address's fault, not the port's: with `hostFlag` (the user chose the address) it is a
 * usage error like the other --host mistakes.
 */
export async function listenNamingFlag<T>(
  flag: string,
  start: () => Promise<T>,
  hostFlag?: string,
): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const failure = listenFailureOf(error);
    if (failure === undefined) throw error;
    const address = failure.address ?? 'this host';
    if (failure.code === 'EADDRNOTAVAIL') {
      const notOurs = `Cannot listen on ${address}, which is not one of this machine's addresses`;
      if (hostFlag !== undefined) {
        throw new UsageError(
          `${notOurs}; pass ${hostFlag} with a local address, such as 127.0.0.1.`,
          { cause: error },
        );
      }
      throw new PortUnavailableError(
        `${notOurs} (EADDRNOTAVAIL); check this machine's network set-up.`,
        { cause: error },
      );
    }
    // Node leaves port 0 (a free port) out of its error: never print a blank port.
    const port = failure.port ? `port ${failure.port}` : 'a free port';
    throw new PortUnavailableError(
      failure.code === 'EADDRINUSE'
        ? `${failure.port ? `Port ${failure.port}` : 'A free port'} on ${address} is already in use; stop the other program or choose another port with ${flag}.`
        : `Cannot listen on ${port} on ${address} (${failure.code}); choose a port above 1023 with ${flag}.`,
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
