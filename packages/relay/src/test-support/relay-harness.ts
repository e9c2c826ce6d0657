import { createTicketCountsClient } from '@whmcs-ticket-counts/core';
import {
  createSampleData,
  SAMPLE_CREDENTIALS,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import type { Relay, RelayOptions } from '../relay-options.js';
import { startRelay } from '../start-relay.js';
import { httpRequest, type RecordedResponse, type RequestOptions } from './http-client.js';
import { SseClient } from './sse-client.js';

/** Distinctive, so finding it in any response or log line is unambiguous. */
export const RELAY_TEST_SECRET = 'Rly-S3cr3t-zq9XwP4vLm7Kd2Tn8Bh5Gf1Jc6';
export const RELAY_TEST_IDENTIFIER = 'RelayTestIdentifierA7b3C9d1E5f2';

export interface RelayHarness {
  readonly sim: WhmcsSimulator;
  readonly relay: Relay;
  readonly logLines: string[];
  /** Every response and stream seen, for the "no secret anywhere" checks. */
  readonly seen: string[];
  get(path: string, options?: RequestOptions): Promise<RecordedResponse>;
  subscribe(path?: string, headers?: Record<string, string>): SseClient;
  /** Requests that reached WHMCS's API endpoint. */
  upstreamRequests(): number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  relay?: Omit<RelayOptions, 'load'>;
  /** Send this secret instead of the right one. */
  secret?: string;
}

/** The real simulator, the real core client, the relay in front; everything on 127.0.0.1. */
export async function startRelayHarness(options: HarnessOptions = {}): Promise<RelayHarness> {
  const data = createSampleData();
  data.apiCredentials.push({
    identifier: RELAY_TEST_IDENTIFIER,
    secret: RELAY_TEST_SECRET,
    adminId: 1,
    allowedActions: ['GetTicketCounts'],
  });
  const sim = await startWhmcsSimulator({ data });
  const client = createTicketCountsClient({
    connection: {
      url: sim.baseUrl,
      auth: {
        kind: 'api-credential',
        identifier: RELAY_TEST_IDENTIFIER,
        secret: options.secret ?? RELAY_TEST_SECRET,
      },
    },
    timeoutMs: 5_000,
  });
  const logLines: string[] = [];
  let relay: Relay;
  try {
    relay = await startRelay({
      port: 0,
      ...options.relay,
      load: (signal) => client.getTicketCounts({ includeCountsByStatus: true }, { signal }),
      log: (line) => logLines.push(line),
    });
  } catch (error) {
    await sim.close();
    throw error;
  }
  const seen: string[] = [];
  const streams: SseClient[] = [];
  return {
    sim,
    relay,
    logLines,
    seen,
    async get(path, requestOptions) {
      const response = await httpRequest(relay.url + path, requestOptions);
      seen.push(JSON.stringify(response.headers), response.body);
      return response;
    },
    subscribe(path = '/ticket-counts/events', headers = {}) {
      const stream = new SseClient(relay.url + path, headers);
      streams.push(stream);
      stream
        .response()
        .then((res) => seen.push(JSON.stringify(res.headers)))
        .catch(() => {});
      return stream;
    },
    upstreamRequests: () => sim.requests.filter((r) => r.path.endsWith('/includes/api.php')).length,
    async close() {
      for (const stream of streams) {
        seen.push(stream.raw);
        stream.close();
      }
      await relay.close();
      await sim.close();
    },
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a condition (bounded) for state that changes outside any stream we can wait on. */
export async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error('The condition did not hold within the test timeout');
    await delay(10);
  }
}

export { SAMPLE_CREDENTIALS };
