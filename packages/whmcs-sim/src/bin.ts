import { parseArgs } from 'node:util';
import { SAMPLE_CREDENTIALS } from './sample-data.js';
import { startWhmcsSimulator } from './simulator.js';
import { InvalidSimulatorOptionError } from './validate-options.js';

const USAGE = 'Usage: whmcs-sim [--port N] [--host H] [--base-path P] [--lively]';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function readOptions() {
  let values: {
    port?: string;
    host?: string;
    'base-path'?: string;
    lively?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'base-path': { type: 'string' },
        lively: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch {
    throw new UsageError(`Unknown or incomplete option; ${USAGE}.`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError('The --port value must be a whole number from 0 to 65535; pick another.');
  }
  return {
    port,
    host: values.host,
    basePath: values['base-path'],
    lively: values.lively,
    help: values.help,
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help === true) {
    console.log(USAGE);
    return;
  }
  const simulator = await startWhmcsSimulator({
    port: options.port,
    ...(options.host !== undefined && { host: options.host }),
    ...(options.basePath !== undefined && { basePath: options.basePath }),
    ...(options.lively === true && { liveliness: { intervalMs: 5000 } }),
  });
  console.log(`WHMCS simulator listening at ${simulator.baseUrl}`);
  console.log(`API: ${simulator.apiUrl}`);
  console.log(`Sample API identifier: ${SAMPLE_CREDENTIALS.identifier}`);
  console.log('Sample secret, admin login and access key: see the whmcs-sim package README.');
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Exit codes as in whmcs-ticket-counts: 2 for a usage error, 1 for a failure to start.
main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  if (error instanceof InvalidSimulatorOptionError) {
    console.error(`Invalid option: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? 'That port is already in use; pass another with --port, or --port 0 for any free port.'
      : `The simulator could not start (${code ?? 'unknown error'}); check --host and --port.`,
  );
  process.exitCode = 1;
});
