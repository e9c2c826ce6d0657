import type { CliIo } from '../cli-io.js';

/** Resolves on Ctrl-C or SIGTERM, so long-running commands can shut down cleanly. */
export function waitForInterrupt(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    io.onInterrupt(resolve);
  });
}
