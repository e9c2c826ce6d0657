import { formatSeconds } from '@whmcs-ticket-counts/core';
import { DEFAULT_MAX_SUBSCRIBERS, startRelay } from '@whmcs-ticket-counts/relay';
import { connectionOptions } from '../options/connection-options.js';
import { parseCount, parsePort, parseSeconds } from '../options/number-options.js';
import { parseCommandLine } from '../options/parse-command-line.js';
import { parseHost } from '../options/parse-host.js';
import { parseOrigin } from '../options/parse-origin.js';
import { readSecretFile } from '../options/read-secret-file.js';
import { terminalSafe } from '../output/terminal-text.js';
import { UsageError } from '../usage-error.js';
import { usageText } from '../usage-text.js';
import { buildClient } from './build-client.js';
import { CleanupStack } from './cleanup-stack.js';
import { type Command, warn } from './command-context.js';
import { elementBundlePath } from './element-bundle.js';
import { endsServeAtStartup } from './ends-serve-at-startup.js';
import { exposureWarning } from './exposure-warning.js';
import { listenNamingFlag } from './listen-naming-flag.js';
import { relayAnnouncement } from './relay-announcement.js';
import { waitForInterrupt } from './wait-for-interrupt.js';

const serveOptions = {
  ...connectionOptions,
  host: { type: 'string' },
  port: { type: 'string' },
  ttl: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'token-file': { type: 'string' },
  'max-viewers': { type: 'string' },
} as const;

/** `serve`: the relay in front of a real WHMCS, until Ctrl-C. */
export const serveCommand: Command = async (argv, context) => {
  const { io, redactor } = context;
  const flags = parseCommandLine('serve', argv, serveOptions);
  if (flags.help) {
    io.out(usageText.serve);
    return 0;
  }
  const host = parseHost(flags.host);
  const port = parsePort('--port', flags.port, 8787);
  // At least a second: a typo such as --ttl 0.001 must not turn viewers into a flood on WHMCS.
  const ttlSeconds = parseSeconds('--ttl', flags.ttl, 60_000, 1) / 1000;
  const allowOrigins = (flags['allow-origin'] ?? []).map(parseOrigin);
  const maxSubscribers = parseCount('--max-viewers', flags['max-viewers'], DEFAULT_MAX_SUBSCRIBERS);
  let token: string | undefined;
  if (flags['token-file'] !== undefined) {
    const fromFile = await readSecretFile('--token-file', flags['token-file'], 'token');
    token = fromFile.value;
    if (/\s/.test(token)) {
      throw new UsageError(
        '--token-file must hold a single token without spaces (one trailing newline is fine); generate one with openssl rand -hex 32.',
      );
    }
    redactor.add(token);
    if (fromFile.warning) warn(io, fromFile.warning);
  }

  const includeStatus = flags['no-status'] !== true;
  const ignoreDepartmentAssignments = flags['ignore-department-assignments'] === true;
  const cleanup = new CleanupStack();
  let announced = false;
  try {
    const built = await buildClient(flags, context);
    cleanup.add(() => built.close());
    const bundle = elementBundlePath();
    if (bundle === undefined) {
      warn(
        io,
        'the <ticket-counts> element is not built, so /ticket-counts.js is not served; run pnpm build.',
      );
    }
    const relay = await listenNamingFlag(
      '--port',
      () =>
        startRelay({
          load: (signal) =>
            built.client.getTicketCounts(
              { ignoreDepartmentAssignments, includeCountsByStatus: includeStatus },
              { signal },
            ),
          host,
          port,
          ttlSeconds,
          allowOrigins,
          maxSubscribers,
          ...(token !== undefined ? { token } : {}),
          demoAdminUrl: built.publicBaseUrl,
          ...(built.adminFolder !== undefined ? { adminFolder: built.adminFolder } : {}),
          redact: token !== undefined ? [...built.secrets, token] : [...built.secrets],
          ...(bundle !== undefined ? { elementScript: { path: bundle } } : {}),
          // Quiet until the first answer is in, so a startup failure stays a single line.
          log: (line) => {
            // Log lines may quote WHMCS's messages: no terminal controls, as in every error line.
            if (announced) {
              io.err(`${new Date().toISOString()} ${terminalSafe(redactor.redact(line))}\n`);
            }
          },
        }),
      '--host',
    );
    cleanup.add(() => relay.close());
    // Only once listening: a --host that fails to listen exposes nothing, so one line says why.
    const exposure = exposureWarning(host, token !== undefined);
    if (exposure !== undefined) warn(io, exposure);

    // Ask WHMCS once before announcing the relay: after a wrong secret or a missing permission the
    // relay never asks again (retrying would walk into an IP ban), so it must not start silently.
    // A URL where nothing answers (404) ends here too: waiting would never fix it.
    // A slow WHMCS may take the whole --timeout: say what is happening so it does not look hung.
    io.err(
      `whmcs-ticket-counts: checking WHMCS at ${terminalSafe(redactor.redact(built.publicBaseUrl))} before announcing the relay (up to ${formatSeconds(built.timeoutMs)})...\n`,
    );
    const first = await relay.engine.refresh();
    if (first.error && endsServeAtStartup(first.error)) throw first.error;
    if (first.error) warn(io, first.error.message);
    // Listening before announcing: a Ctrl-C right after the announcement must stop it cleanly.
    const interrupted = waitForInterrupt(io);
    announced = true;
    for (const line of relayAnnouncement(relay.url)) io.out(`${line}\n`);
    await interrupted;
    io.err('whmcs-ticket-counts: stopping the relay.\n');
    return 0;
  } finally {
    await cleanup.closeAll();
  }
};
