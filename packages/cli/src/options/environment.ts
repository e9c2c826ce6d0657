/** An environment variable, with unset and empty treated alike (as shells make both easy). */
export function envValue(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** `--debug` anywhere on the line, or WHMCS_DEBUG set to anything but 0/false. */
export function isDebugRequested(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const flagIndex = argv.indexOf('--debug');
  const terminator = argv.indexOf('--');
  if (flagIndex !== -1 && (terminator === -1 || flagIndex < terminator)) return true;
  const value = envValue(env, 'WHMCS_DEBUG');
  return value !== undefined && value !== '0' && value.toLowerCase() !== 'false';
}
