import { type CliIo, processIo } from './cli-io.js';
import type { Command } from './commands/command-context.js';
import { isDebugRequested } from './options/environment.js';
import { Redactor } from './output/redactor.js';
import { exitCodes, reportError } from './output/report-error.js';
import { packageVersion } from './package-version.js';
import { UsageError } from './usage-error.js';
import { usageText } from './usage-text.js';

// Loaded on demand: `get` should not pay for (or depend on) the relay and the simulator.
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  get: async () => (await import('./commands/get.js')).getCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
};

/** Entry point of the `whmcs-ticket-counts` command; returns the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const redactor = new Redactor();
  const debug = isDebugRequested(argv, io.env);
  const report = (error: unknown) =>
    reportError(error, { err: (text) => io.err(text), debug, redactor });
  io.onCrash?.(report);
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.err(usageText.main);
      return exitCodes.usage;
    }
    if (first === '--help' || first === '-h') {
      io.out(usageText.main);
      return exitCodes.ok;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${packageVersion()}\n`);
      return exitCodes.ok;
    }
    if (first === 'help') return help(rest[0], io);
    const loadCommand = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (loadCommand === undefined) {
      throw new UsageError(
        first.startsWith('-')
          ? `Expected a command before ${first.split('=', 1)[0]}; run 'whmcs-ticket-counts --help' for the list.`
          : `Unknown command; the commands are get, serve and demo (run 'whmcs-ticket-counts --help').`,
      );
    }
    const command = await loadCommand();
    return await command(rest, { io, redactor, debug });
  } catch (error) {
    return report(error);
  }
}

function help(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.out(usageText.main);
    return exitCodes.ok;
  }
  if (topic === 'get' || topic === 'serve' || topic === 'demo') {
    io.out(usageText[topic]);
    return exitCodes.ok;
  }
  throw new UsageError(`No help on that topic; the commands are get, serve and demo.`);
}
