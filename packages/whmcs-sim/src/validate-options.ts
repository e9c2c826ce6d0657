import type { WhmcsSimulatorOptions } from './types.js';

/** A simulator option that cannot work; the message names the option and what it accepts. */
export class InvalidSimulatorOptionError extends Error {
  override readonly name = 'InvalidSimulatorOptionError';
}

/** Fails fast on options that would otherwise misbehave late (a 0 ms interval spins the CPU). */
export function validateOptions(options: WhmcsSimulatorOptions): void {
  const { port, basePath, ban, liveliness } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new InvalidSimulatorOptionError('port must be a whole number from 0 to 65535.');
  }
  if (basePath !== undefined && /[?#\s]/.test(basePath)) {
    throw new InvalidSimulatorOptionError('basePath must be a plain URL path such as /billing/.');
  }
  for (const name of ['maxFailures', 'windowMs', 'durationMs'] as const) {
    const value = ban?.[name];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new InvalidSimulatorOptionError(`ban.${name} must be a positive number.`);
    }
  }
  if (
    liveliness !== undefined &&
    !(Number.isFinite(liveliness.intervalMs) && liveliness.intervalMs >= 1)
  ) {
    throw new InvalidSimulatorOptionError('liveliness.intervalMs must be at least 1.');
  }
}
