import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';
import { rejectSecretFlags } from './forbidden-flags.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

type StrictConfig<T extends OptionSpec> = { options: T; strict: true; allowPositionals: false };
/** The parsed flag values; spelled via parseArgs itself because @types/node does not export it. */
export type ParsedFlags<T extends OptionSpec> = ReturnType<
  typeof parseArgs<StrictConfig<T>>
>['values'];

/**
 * `parseArgs` in strict mode, with Node's error messages replaced by our own: Node's would echo a
 * stray positional argument verbatim, and that argument may well be a pasted secret.
 */
export function parseCommandLine<T extends OptionSpec>(
  command: string,
  argv: readonly string[],
  options: T,
): ParsedFlags<T> {
  rejectSecretFlags(argv);
  let parsed: ReturnType<typeof parseArgs<StrictConfig<T> & { tokens: true }>>;
  try {
    const config: StrictConfig<T> = { options, strict: true, allowPositionals: false };
    parsed = parseArgs({ ...config, tokens: true, args: joinNegativeNumbers(argv, options) });
  } catch (error) {
    throw toUsageError(command, error);
  }
  rejectRepeatedValues(command, parsed.tokens, options);
  return parsed.values;
}

/**
 * parseArgs keeps the last of a repeated flag. For a value that is a guess at which one was meant,
 * and a wrong identifier or URL costs a failed login, so a second value is a usage error.
 */
function rejectRepeatedValues(
  command: string,
  tokens: readonly { kind: string; name?: string }[],
  options: OptionSpec,
): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const option = options[token.name];
    if (option?.type !== 'string' || option.multiple) continue;
    if (seen.has(token.name)) {
      throw new UsageError(
        `--${token.name} is given more than once; pass it once (run 'whmcs-ticket-counts ${command} --help' for the list).`,
      );
    }
    seen.add(token.name);
  }
}

/**
 * parseArgs reads `--timeout -5` as a flag without its value (`-5` looks like an option), which
 * hides the real mistake; written as `--timeout=-5` the number check can say what is wrong.
 */
function joinNegativeNumbers(argv: readonly string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const next = argv[index + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function toUsageError(command: string, error: unknown): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  const help = `run 'whmcs-ticket-counts ${command} --help' for the list`;
  const flag = /'(-{1,2}[A-Za-z0-9-]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`Unknown option ${flag ?? ''} for '${command}'; ${help}.`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`'${command}' takes no positional arguments, only flags; ${help}.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(message)
        ? new UsageError(`Option ${flag ?? ''} needs a value, as in ${flag ?? '--flag'}=VALUE.`)
        : new UsageError(`Option ${flag ?? ''} takes no value; ${help}.`);
    default:
      return new UsageError(`Could not read the command line; ${help}.`);
  }
}
