/**
 * The user asked for something the command cannot do as written (unknown flag, missing URL, a
 * secret on argv). Exit code 2; the message is one sentence saying what to do instead.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
