import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { connectionOptions } from './connection-options.js';
import { parseCommandLine } from './parse-command-line.js';

const parse = (argv: string[]) => parseCommandLine('get', argv, connectionOptions);

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandLine', () => {
  it('reads string, boolean and negative-form flags', () => {
    const values = parse(['--url', 'https://whmcs.test/', '--no-status', '--timeout=3']);
    expect(values.url).toBe('https://whmcs.test/');
    expect(values['no-status']).toBe(true);
    expect(values.timeout).toBe('3');
    expect(values['ignore-department-assignments']).toBeUndefined();
  });

  it.each([
    ['--secret', 'WHMCS_SECRET'],
    ['--secret=Sup3rSecretValue', 'WHMCS_SECRET'],
    ['--password', 'WHMCS_ADMIN_PASSWORD'],
    ['--admin-password=x', 'WHMCS_ADMIN_PASSWORD'],
    ['--token', '--token-file'],
  ])('refuses %s and names %s instead, never the value', (flag, instead) => {
    const message = usageMessage(() =>
      parse(['--url', 'https://whmcs.test/', flag, 'Sup3rSecretValue']),
    );
    expect(message).toContain(flag.split('=')[0]);
    expect(message).toContain(instead);
    expect(message).toContain('visible to other users');
    expect(message).not.toContain('Sup3rSecretValue');
  });

  it('lets a secret-looking flag through after the -- terminator (it is then a positional)', () => {
    const message = usageMessage(() => parse(['--', '--secret']));
    expect(message).toMatch(/takes no positional arguments/);
  });

  it('names an unknown flag and points to --help', () => {
    expect(usageMessage(() => parse(['--colour']))).toBe(
      "Unknown option --colour for 'get'; run 'whmcs-ticket-counts get --help' for the list.",
    );
  });

  it('does not echo a stray positional argument, which may be a pasted secret', () => {
    const message = usageMessage(() => parse(['Sup3rSecretValue']));
    expect(message).not.toContain('Sup3rSecretValue');
    expect(message).toMatch(/takes no positional arguments/);
  });

  it('says when a flag lacks its value', () => {
    expect(usageMessage(() => parse(['--url']))).toBe(
      'Option --url needs a value, as in --url=VALUE.',
    );
    expect(usageMessage(() => parse(['--url', '--no-status']))).toMatch(/--url needs a value/);
  });

  it('takes a negative number as the value of a flag, so the number check can say what is wrong', () => {
    expect(parse(['--timeout', '-5']).timeout).toBe('-5');
    expect(parse(['--timeout', '-0.5', '--no-status']).timeout).toBe('-0.5');
    // A flag after a value-taking flag is still a missing value, not the value.
    expect(usageMessage(() => parse(['--timeout', '-h']))).toMatch(/--timeout needs a value/);
  });

  it('refuses a value flag given twice, whatever the spelling, but not a repeated switch', () => {
    for (const argv of [
      ['--url', 'https://a.test/', '--url', 'https://b.test/'],
      ['--url=https://a.test/', '--no-status', '--url', 'https://a.test/'],
    ]) {
      expect(usageMessage(() => parse(argv))).toBe(
        "--url is given more than once; pass it once (run 'whmcs-ticket-counts get --help' for the list).",
      );
    }
    expect(parse(['--no-status', '--no-status'])['no-status']).toBe(true);
    const repeatable = { origin: { type: 'string', multiple: true } } as const;
    expect(parseCommandLine('serve', ['--origin=a', '--origin=b'], repeatable).origin).toEqual([
      'a',
      'b',
    ]);
  });

  it('says when a boolean flag is given a value', () => {
    expect(usageMessage(() => parse(['--no-status=yes']))).toMatch(
      /^Option --no-status takes no value/,
    );
  });
});
