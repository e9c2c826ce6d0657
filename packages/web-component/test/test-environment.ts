import { createTicketCountsClient } from '@whmcs-ticket-counts/core';
import { type Relay, type RelayOptions, startRelay } from '@whmcs-ticket-counts/relay';
import {
  type SimulatorFault,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import { type CountingFront, startCountingFront } from './counting-front.js';
import { pageOrigin } from './page-origin.js';
import { credentials, testSimData } from './sim-data.js';
import { type StallingRelay, startStallingRelay } from './stalling-relay.js';

/** A real simulator behind a real relay, behind a counting pass-through the page talks to. */
export interface Stack {
  sim: WhmcsSimulator;
  relay: Relay;
  front: CountingFront;
  /** The element's `src`. */
  src: string;
}

function loadFrom(sim: WhmcsSimulator): RelayOptions['load'] {
  const client = createTicketCountsClient({
    connection: { url: sim.baseUrl, auth: { kind: 'api-credential', ...credentials } },
    timeoutMs: 5_000,
  });
  return (signal) => client.getTicketCounts({ includeCountsByStatus: true }, { signal });
}

async function startStack(fault?: SimulatorFault): Promise<Stack> {
  const sim = await startWhmcsSimulator({ data: testSimData() });
  if (fault) sim.setFault(fault);
  const relay = await startRelay({
    load: loadFrom(sim),
    port: 0,
    ttlSeconds: 1,
    // Frequent, so a test can see the element notice a stream that went silent.
    heartbeatSeconds: 0.5,
    allowOrigins: [pageOrigin()],
    demoPage: false,
    log: () => {},
  });
  const front = await startCountingFront(relay.url);
  return { sim, relay, front, src: `${front.url}/ticket-counts` };
}

export interface TestEnvironment {
  /** Healthy until a test sets a fault. */
  healthy: Stack;
  /** Its WHMCS fails from the start, so the relay never has counts. */
  broken: Stack;
  /** A URL where nothing listens. */
  unreachableSrc: string;
  /** A relay in front of the healthy simulator that wants a token the page does not have. */
  tokenRelaySrc: string;
  /** A relay in front of the healthy simulator that serves one live viewer at most. */
  singleViewerRelaySrc: string;
  /** Accepts requests and never (or never fully) answers them. */
  stalling: StallingRelay;
  resetHealthy(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestEnvironment(): Promise<TestEnvironment> {
  const healthy = await startStack();
  const broken = await startStack({ kind: 'server-error', status: 503 });
  const tokenRelay = await startRelay({
    load: loadFrom(healthy.sim),
    port: 0,
    allowOrigins: [pageOrigin()],
    token: 'test-token-the-page-lacks',
    demoPage: false,
    log: () => {},
  });
  const singleViewerRelay = await startRelay({
    load: loadFrom(healthy.sim),
    port: 0,
    allowOrigins: [pageOrigin()],
    maxSubscribers: 1,
    demoPage: false,
    log: () => {},
  });
  const stalling = await startStallingRelay(pageOrigin());
  const gone = await startCountingFront('http://127.0.0.1:9');
  const unreachableSrc = `${gone.url}/ticket-counts`;
  await gone.close();
  return {
    healthy,
    broken,
    unreachableSrc,
    tokenRelaySrc: `${tokenRelay.url}/ticket-counts`,
    singleViewerRelaySrc: `${singleViewerRelay.url}/ticket-counts`,
    stalling,
    async resetHealthy() {
      healthy.sim.setFault(undefined);
      healthy.front.refuse({ streams: false, polls: false });
      Object.assign(healthy.sim.data, testSimData());
      await healthy.relay.engine.refresh();
      await closedByThePreviousTest(healthy.front, stalling);
    },
    async close() {
      await tokenRelay.close();
      await singleViewerRelay.close();
      await stalling.close();
      for (const stack of [healthy, broken]) {
        await stack.front.close();
        await stack.relay.close();
        await stack.sim.close();
      }
    },
  };
}

const key = Symbol.for('ticket-counts-element.test-environment');

/** globalSetup and the browser commands run in the same Node process but load modules apart. */
export const sharedEnvironment = {
  set(environment: TestEnvironment | undefined): void {
    (globalThis as Record<symbol, unknown>)[key] = environment;
  },
  get(): TestEnvironment {
    const environment = (globalThis as Record<symbol, unknown>)[key] as TestEnvironment | undefined;
    if (!environment)
      throw new Error('The test environment is not running (globalSetup did not start it).');
    return environment;
  },
};

/**
 * Waits for the connections the previous test's elements abandoned to close at the server: the
 * browser's close can trail the element's removal by a moment, and a test that counts open
 * streams must not count the last test's. One still open after 5 s is a leak, and fails.
 */
async function closedByThePreviousTest(front: CountingFront, stalling: StallingRelay) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const streams = front.tally().openStreams;
    const stalled = stalling.tally().open;
    if (streams === 0 && stalled === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `the previous test left ${streams} event stream(s) and ${stalled} stalled request(s) open`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
