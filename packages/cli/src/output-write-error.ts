/**
 * Writing to stdout failed for a reason other than a reader that went away (a full disk, say):
 * the counts did not arrive, which the user must hear about in one line, with exit 1.
 */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';

  constructor(cause: NodeJS.ErrnoException) {
    // Node's message is "ENOSPC: no space left on device, write"; the syscall says nothing here.
    const why = (cause.message || cause.code || 'unknown error').replace(/, write$/, '');
    super(
      `Could not write the output (${why}); check where it goes (a full disk, a closed file) and run again.`,
    );
  }
}
