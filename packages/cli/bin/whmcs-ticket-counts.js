#!/usr/bin/env node
// Committed launcher: pnpm links bins at install time, before `dist/` exists on a fresh clone.
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  // A fresh clone that was never built: say so in one line instead of a module-resolution stack.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('main.js'))
    throw error;
  process.stderr.write(
    'whmcs-ticket-counts: the command is not built yet; run pnpm build first.\n',
  );
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
