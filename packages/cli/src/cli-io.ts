/** What a command may touch of the outside world; tests and the real process both provide one. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (decides colour and JSON layout). */
  readonly stdoutIsTty: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Calls `listener` once on Ctrl-C (SIGINT) or SIGTERM; returns a function that unsubscribes. */
  onInterrupt(listener: () => void): () => void;
  /**
   * Last resort for errors nothing awaited (a listener throwing, an unawaited rejection): the
   * listener reports them and returns the exit code to leave with. Only the real process has this.
   */
  onCrash?(listener: (error: unknown) => number): void;
}

export function processIo(): CliIo {
  // A reader that went away (`… | head -1`) is not worth a stack trace: drop the rest quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    onCrash: (listener) => {
      const crash = (error: unknown) => process.exit(listener(error));
      process.on('uncaughtException', crash);
      process.on('unhandledRejection', crash);
    },
    onInterrupt: (listener) => {
      const handler = () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
        listener();
      };
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}
