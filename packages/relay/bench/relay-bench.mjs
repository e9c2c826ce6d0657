// Relay benchmark: cached GET throughput against a bare node:http server, and SSE fan-out latency.
// Run with `pnpm --filter @whmcs-ticket-counts/relay bench` after building. Writes nothing; prints
// Markdown to paste into BENCHMARK.md. Figures depend on the machine: compare within one run.

import { once } from 'node:events';
import { createServer } from 'node:http';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createTicketCountsClient } from '@whmcs-ticket-counts/core';
import { SAMPLE_CREDENTIALS, startWhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { startRelay } from '../dist/index.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Many short interleaved rounds: on a shared machine the background load drifts within seconds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
const FANOUT_ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 20);

const worker = new Worker(new URL('./load-worker.mjs', import.meta.url));
const ask = async (message, answer) => {
  worker.postMessage(message);
  for (;;) {
    const [reply] = await once(worker, 'message');
    if (reply.type === answer) return reply;
  }
};

const sim = await startWhmcsSimulator();
const client = createTicketCountsClient({
  connection: {
    url: sim.baseUrl,
    auth: {
      kind: 'api-credential',
      identifier: SAMPLE_CREDENTIALS.identifier,
      secret: SAMPLE_CREDENTIALS.secret,
    },
  },
});
const relay = await startRelay({
  port: 0,
  ttlSeconds: 3600,
  maxSubscribers: SUBSCRIBERS,
  load: (signal) => client.getTicketCounts({ includeCountsByStatus: true }, { signal }),
});

// A bare server answering a constant JSON of the same size: the ceiling for node:http here.
const sample = await fetch(`${relay.url}/ticket-counts`);
const body = Buffer.from(await sample.text());
const bare = createServer((_req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
  });
  res.end(body);
});
bare.listen(0, '127.0.0.1');
await once(bare, 'listening');
const bareUrl = `http://127.0.0.1:${bare.address().port}/ticket-counts`;
// The same, plus the headers the relay must send: shows what the headers cost versus the relay's code.
const sameHeaders = createServer((_req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'private, max-age=3599',
    ETag: sample.headers.get('etag'),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Length': body.length,
  });
  res.end(body);
});
sameHeaders.listen(0, '127.0.0.1');
await once(sameHeaders, 'listening');
const sameHeadersUrl = `http://127.0.0.1:${sameHeaders.address().port}/ticket-counts`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

// Warm both up, then alternate so neither gets the better half of the run.
await ask(
  { type: 'load', url: `${relay.url}/ticket-counts`, count: 2_000, connections: CONNECTIONS },
  'loaded',
);
await ask({ type: 'load', url: bareUrl, count: 2_000, connections: CONNECTIONS }, 'loaded');
const relayRates = [];
const bareRates = [];
const sameHeadersRates = [];
const ratios = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const r = await ask(
    { type: 'load', url: `${relay.url}/ticket-counts`, count: REQUESTS, connections: CONNECTIONS },
    'loaded',
  );
  const b = await ask(
    { type: 'load', url: bareUrl, count: REQUESTS, connections: CONNECTIONS },
    'loaded',
  );
  const s = await ask(
    { type: 'load', url: sameHeadersUrl, count: REQUESTS, connections: CONNECTIONS },
    'loaded',
  );
  if (r.failures || b.failures || s.failures) throw new Error('a load round had failed requests');
  sameHeadersRates.push(s.requestsPerSecond);
  relayRates.push(r.requestsPerSecond);
  bareRates.push(b.requestsPerSecond);
  // Pairs run back to back see the same background load, so their ratio is the steadier figure.
  ratios.push(r.requestsPerSecond / b.requestsPerSecond);
}
const upstreamAfterLoad = sim.requests.length;

// SSE fan-out: change a ticket, force a refresh, time until the last subscriber has the change.
await ask(
  { type: 'subscribe', url: `${relay.url}/ticket-counts/events`, count: SUBSCRIBERS },
  'subscribed',
);
const lastArrivals = [];
const allArrivals = [];
const upstreamTimes = [];
for (let round = 0; round < FANOUT_ROUNDS; round += 1) {
  sim.data.tickets.push({ id: 50_000 + round, departmentId: 1, status: 'Open' });
  const expected = (relay.engine.state.value?.awaitingReply ?? 0) + 1;
  await ask({ type: 'expect', awaitingReply: expected }, 'expecting');
  const received = new Promise((resolve) => {
    const onMessage = (reply) => {
      if (reply.type !== 'received') return;
      worker.off('message', onMessage);
      resolve(reply.times);
    };
    worker.on('message', onMessage);
  });
  const start = performance.timeOrigin + performance.now();
  await relay.engine.refresh();
  upstreamTimes.push(performance.timeOrigin + performance.now() - start);
  const times = await received;
  lastArrivals.push(Math.max(...times) - start);
  for (const at of times) allArrivals.push(at - start);
}
await ask({ type: 'close' }, 'closed');

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const relayMedian = median(relayRates);
const bareMedian = median(bareRates);
console.log(`Run ${new Date().toISOString()} on Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average at the end ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')}

## Cached GET /ticket-counts (${fmt(body.length)}-byte body), ${fmt(REQUESTS)} requests × ${ROUNDS} interleaved rounds, ${CONNECTIONS} keep-alive connections

| server | requests/s (median) | rounds |
| --- | --- | --- |
| relay | ${fmt(relayMedian)} | ${relayRates.map((r) => fmt(r)).join(', ')} |
| bare node:http, constant body | ${fmt(bareMedian)} | ${bareRates.map((r) => fmt(r)).join(', ')} |
| bare node:http, constant body + the relay's headers | ${fmt(median(sameHeadersRates))} | ${sameHeadersRates.map((r) => fmt(r)).join(', ')} |

Relay / bare, median of the back-to-back pairs: **${fmt(median(ratios), 2)}×** (pairs: ${ratios.map((r) => fmt(r, 2)).join(', ')}; target ≥ 0.70×). Upstream requests during the load: ${upstreamAfterLoad}.

## SSE fan-out to ${fmt(SUBSCRIBERS)} subscribers, ${FANOUT_ROUNDS} changes

Time from the forced refresh (sim change + \`engine.refresh()\`) to the last subscriber holding the change:

| | median | p95 |
| --- | --- | --- |
| last subscriber | ${fmt(median(lastArrivals), 1)} ms | ${fmt(percentile(lastArrivals, 95), 1)} ms |
| any subscriber | ${fmt(median(allArrivals), 1)} ms | ${fmt(percentile(allArrivals, 95), 1)} ms |
| of which the upstream request | ${fmt(median(upstreamTimes), 1)} ms | ${fmt(percentile(upstreamTimes, 95), 1)} ms |
`);

await worker.terminate();
await relay.close();
await new Promise((resolve) => bare.close(resolve));
await new Promise((resolve) => sameHeaders.close(resolve));
await sim.close();
