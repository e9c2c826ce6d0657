import { OutputWriteError } from './output-write-error.js';

/** What a command may touch of the outside world; tests and the real process both provide one. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (decides colour and JSON layout). */
  readonly stdoutIsTty: boolean;
  out(text: string): void;
  err(text: string): void;
  /**
   * Calls `listener` once on Ctrl-C (SIGINT), SIGTERM or once stdout's reader is gone (a closed
   * pipe); returns a function that unsubscribes.
   */
  onInterrupt(listener: () => void): () => void;
  /**
   * Last resort for errors nothing awaited (a listener throwing, an unawaited rejection): the
   * listener reports them and returns the exit code to leave with. Only the real process has this.
   */
  onCrash?(listener: (error: unknown) => number): void;
}

export function processIo(): CliIo {
  // A reader that went away (`… | head -3`) is not worth a stack trace: drop the rest quietly,
  // and stop a long-running command as on Ctrl-C, as SIGPIPE would stop any other program.
  let readerGone = false;
  const stopOnReaderGone = new Set<() => void>();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // Thrown from an event handler, so it reaches onCrash's listener, which reports it in a line.
    if (error.code !== 'EPIPE') throw new OutputWriteError(error);
    readerGone = true;
    for (const stop of [...stopOnReaderGone]) stop();
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
      const unsubscribe = () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
        stopOnReaderGone.delete(handler);
      };
      const handler = () => {
        unsubscribe();
        listener();
      };
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      stopOnReaderGone.add(handler);
      if (readerGone) queueMicrotask(handler);
      return unsubscribe;
    },
  };
}
