#!/usr/bin/env node
// Committed launcher: pnpm links bins at install time, before `dist/` exists on a fresh clone.
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  // Never a module-loading stack trace for a user: one line, details only on request.
  const unbuilt =
    error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('main.js');
  process.stderr.write(
    unbuilt
      ? 'whmcs-ticket-counts: the command is not built yet; run pnpm build first.\n'
      : `whmcs-ticket-counts: the command could not load (${error?.name ?? 'error'}); reinstall or rebuild it, and set WHMCS_DEBUG=1 for details.\n`,
  );
  if (!unbuilt && process.env.WHMCS_DEBUG === '1')
    process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
