import {
  createRefreshEngine,
  createTicketCountsClient,
  type TicketCounts,
  type WhmcsError,
} from '@whmcs-ticket-counts/core';
import { createNodeTransport } from '@whmcs-ticket-counts/core/node';
import { startRelay } from '@whmcs-ticket-counts/relay';
import {
  createSampleData,
  SAMPLE_CREDENTIALS,
  startWhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import type { CliIo } from '../cli-io.js';
import { parsePort, parseSeconds } from '../options/number-options.js';
import { parseCommandLine } from '../options/parse-command-line.js';
import { formatCountsTable } from '../output/counts-table.js';
import { chooseStyle, type TerminalStyle } from '../output/terminal-style.js';
import { usageText } from '../usage-text.js';
import { changeLines } from './change-lines.js';
import { CleanupStack } from './cleanup-stack.js';
import { type Command, warn } from './command-context.js';
import { elementBundlePath } from './element-bundle.js';
import { listenNamingFlag } from './listen-naming-flag.js';
import { repositoryCommand } from './repository-command.js';
import { waitForInterrupt } from './wait-for-interrupt.js';

const demoOptions = {
  port: { type: 'string' },
  'relay-port': { type: 'string' },
  interval: { type: 'string' },
  once: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `demo`: a simulated WHMCS with drifting sample data, the relay in front of it, and the counts in
 * the terminal. The sample credentials are handed over in-process, never through argv or env.
 */
export const demoCommand: Command = async (argv, context) => {
  const { io } = context;
  const flags = parseCommandLine('demo', argv, demoOptions);
  if (flags.help) {
    io.out(usageText.demo);
    return 0;
  }
  const port = parsePort('--port', flags.port, 0);
  const relayPort = parsePort('--relay-port', flags['relay-port'], 8787);
  // The simulator changes its data at this pace too: keep it from spinning.
  const intervalMs = parseSeconds('--interval', flags.interval, 2000, 0.1);
  const style = chooseStyle(io.stdoutIsTty, io.env);

  const cleanup = new CleanupStack();
  try {
    const sim = await listenNamingFlag('--port', () =>
      startWhmcsSimulator({
        host: '127.0.0.1',
        port,
        data: createSampleData(),
        liveliness: { intervalMs },
      }),
    );
    cleanup.add(() => sim.close());
    const transport = createNodeTransport();
    cleanup.add(() => transport.close());
    const client = createTicketCountsClient({
      connection: {
        url: sim.baseUrl,
        auth: {
          kind: 'api-credential',
          identifier: SAMPLE_CREDENTIALS.identifier,
          secret: SAMPLE_CREDENTIALS.secret,
        },
      },
      transport,
      timeoutMs: 5000,
    });
    const load = (signal: AbortSignal) =>
      client.getTicketCounts({ includeCountsByStatus: true }, { signal });

    const first = await load(AbortSignal.timeout(10_000));
    if (flags.once) {
      // The simulator stops right away, so there is nothing to point `get` at.
      printCounts(io, sim.baseUrl, first, style);
      return 0;
    }

    const bundle = elementBundlePath();
    if (bundle === undefined) {
      warn(
        io,
        'the <ticket-counts> element is not built, so the demo page cannot show it; run pnpm build.',
      );
    }
    // Listening before printing anything: a taken port is one line, not counts and then a failure.
    const relay = await listenNamingFlag('--relay-port', () =>
      startRelay({
        load,
        host: '127.0.0.1',
        port: relayPort,
        ttlSeconds: Math.max(1, Math.round(intervalMs / 1000)),
        ...(bundle !== undefined ? { elementScript: { path: bundle } } : {}),
      }),
    );
    cleanup.add(() => relay.close());
    printCounts(io, sim.baseUrl, first, style);
    // Listening before announcing: a Ctrl-C right after the announcement must stop it cleanly.
    const interrupted = waitForInterrupt(io);
    io.out(`\nRelay demo page: ${new URL('/', relay.url).href}\n`);
    io.out(`Counts as JSON:  ${new URL('/ticket-counts', relay.url).href}\n`);
    io.out(
      // Printing this secret is fine only because it is the simulator's public, fake sample.
      `\nTry 'get' against the simulator (its public, fake sample credential, not a real secret):\n` +
        `  WHMCS_SECRET='${SAMPLE_CREDENTIALS.secret}' ${repositoryCommand(io.env)} get --url ${sim.baseUrl} --identifier ${SAMPLE_CREDENTIALS.identifier}\n`,
    );
    io.out('\nWatching for changes; Ctrl-C stops.\n');

    watchChanges(
      first,
      load,
      intervalMs,
      io.out.bind(io),
      (sentence) => warn(io, sentence),
      cleanup,
    );
    await interrupted;
    io.err('whmcs-ticket-counts: stopping the demo.\n');
    return 0;
  } finally {
    await cleanup.closeAll();
  }
};

function printCounts(io: CliIo, simUrl: string, counts: TicketCounts, style: TerminalStyle): void {
  io.out(`Simulated WHMCS (fake sample data): ${simUrl}\n\n`);
  io.out(formatCountsTable(counts, { style }));
}

function watchChanges(
  first: TicketCounts,
  load: (signal: AbortSignal) => Promise<TicketCounts>,
  intervalMs: number,
  print: (text: string) => void,
  warnUser: (sentence: string) => void,
  cleanup: CleanupStack,
): void {
  const engine = createRefreshEngine({ load, intervalMs });
  let shown = first;
  let lastError: WhmcsError | undefined;
  const unsubscribe = engine.onDidChange((state) => {
    if (state.value !== undefined && state.value !== shown) {
      const time = new Date().toTimeString().slice(0, 8);
      for (const line of changeLines(shown, state.value)) print(`${time}  ${line}\n`);
      shown = state.value;
    }
    if (state.error !== undefined && state.error !== lastError) warnUser(state.error.message);
    lastError = state.error;
  });
  cleanup.add(() => {
    unsubscribe();
    engine.stop();
  });
  engine.start();
}
