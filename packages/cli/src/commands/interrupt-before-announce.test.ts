import type { WhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { main } from '../main.js';
import { startSmallWhmcs, TEST_CREDENTIALS } from '../test-support/small-whmcs.js';

/**
 * A user (or a script) presses Ctrl-C as soon as a long-running command says it is up. Until the
 * command listens for Ctrl-C, Node's default kills the process, skipping the clean shutdown and
 * exit 0; so the listener must be in place before the first announcing line is printed.
 */
function recordingIo(env: Record<string, string>, announcement: RegExp) {
  const events: string[] = [];
  let interrupt: (() => void) | undefined;
  const io: CliIo = {
    env,
    stdoutIsTty: false,
    out: (text) => {
      if (announcement.test(text)) events.push('announced');
      // Ctrl-C the moment the announcement is out, as a watching script would.
      if (events.includes('announced') && interrupt) interrupt();
    },
    err: () => {},
    onInterrupt: (listener) => {
      events.push('listening for Ctrl-C');
      interrupt = listener;
      // Announced already: the real Ctrl-C would have killed the process by now; end the test.
      if (events.includes('announced')) queueMicrotask(listener);
      return () => {
        interrupt = undefined;
      };
    },
  };
  return { io, events };
}

let sim: WhmcsSimulator;
beforeEach(async () => {
  sim = await startSmallWhmcs();
});
afterEach(async () => {
  await sim.close();
});

describe('Ctrl-C right after the announcement', () => {
  it('serve listens for it before printing that the relay listens', async () => {
    const { io, events } = recordingIo(
      {
        WHMCS_URL: sim.baseUrl,
        WHMCS_IDENTIFIER: TEST_CREDENTIALS.identifier,
        WHMCS_SECRET: TEST_CREDENTIALS.secret,
      },
      /^Relay listening on /,
    );
    expect(await main(['serve', '--port', '0'], io)).toBe(0);
    expect(events).toEqual(['listening for Ctrl-C', 'announced']);
  });

  it('demo listens for it before printing the relay demo page', async () => {
    const { io, events } = recordingIo({}, /Relay demo page: /);
    expect(await main(['demo', '--relay-port', '0'], io)).toBe(0);
    expect(events).toEqual(['listening for Ctrl-C', 'announced']);
  });
});
