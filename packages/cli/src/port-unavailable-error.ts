/** The command could not listen where asked; the message names the flag that picks the port. */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';
}
