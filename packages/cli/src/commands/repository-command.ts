/**
 * How a reader at the repository root runs this CLI, for the lines `demo` prints to paste. The
 * root README has readers without pnpm run `npx --yes pnpm@… demo`; for them `pnpm exec` would
 * be "command not found", so they get the same npx form, with the version of the pnpm that ran.
 */
export function repositoryCommand(env: Readonly<Record<string, string | undefined>>): string {
  const version = /^pnpm\/(\d+\.\d+\.\d+[\w.+-]*)\s/.exec(env.npm_config_user_agent ?? '')?.[1];
  if (version !== undefined && startedByNpx(env.npm_execpath ?? '')) {
    return `npx --yes pnpm@${version} exec whmcs-ticket-counts`;
  }
  return 'pnpm exec whmcs-ticket-counts';
}

/**
 * npx keeps the packages it fetches under `_npx`, and pnpm's scripts see that path; a command
 * that `npx pnpm exec` starts directly still sees npx's own npm-cli.js.
 */
function startedByNpx(execPath: string): boolean {
  return /[\\/]_npx[\\/]/.test(execPath) || /[\\/]npm-cli\.js$/.test(execPath);
}
