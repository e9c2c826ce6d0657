// Benchmark (not a test): GetTicketCounts calls per second against the WHMCS simulator running in
// a child process (so the server does not share the event loop with the clients), comparing
//   floor  — a bare undici.request POST + JSON.parse over a keep-alive Agent,
//   ours   — createTicketCountsClient + createNodeTransport (validation, mapping, redaction),
//   whmcs  — the `whmcs` npm package 1.2.2 (`request`-based), calling GetTicketCounts generically.
// Rounds are interleaved (the order rotates every round) and the median round is reported.
// Usage: pnpm --filter @whmcs-ticket-counts/core bench [-- --calls 1000 --rounds 7 --no-write]
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { createTicketCountsClient } from '../dist/index.js';
import { createNodeTransport } from '../dist/node.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '21' },
    warmup: { type: 'string', default: '500' },
    'no-write': { type: 'boolean', default: false },
  },
});
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);

// The simulator's published sample credential (fake values; see the whmcs-sim README).
const { SAMPLE_CREDENTIALS } = await import('@whmcs-ticket-counts/whmcs-sim');

/** Starts `whmcs-sim --port 0` in a child process and resolves its base URL. */
function startSimulatorProcess() {
  const bin = join(
    dirname(require.resolve('@whmcs-ticket-counts/whmcs-sim/package.json')),
    'bin',
    'whmcs-sim.js',
  );
  const child = spawn(process.execPath, [bin, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the simulator did not start within 10 s')),
      10_000,
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ baseUrl: match[1], stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
}

const sim = await startSimulatorProcess();
const apiUrl = new URL('includes/api.php', sim.baseUrl);

// (a) The floor: what any client must at least do.
const floorAgent = new Agent({ pipelining: 1 });
const floorBody = new URLSearchParams({
  action: 'GetTicketCounts',
  responsetype: 'json',
  identifier: SAMPLE_CREDENTIALS.identifier,
  secret: SAMPLE_CREDENTIALS.secret,
}).toString();
async function floorCall() {
  const response = await floorAgent.request({
    origin: apiUrl.origin,
    path: apiUrl.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: floorBody,
  });
  const json = JSON.parse(await response.body.text());
  if (json.result !== 'success') throw new Error('floor call failed');
  return json;
}

// (b) Ours.
const transport = createNodeTransport({ proxyFromEnv: false });
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
});
const oursCall = () => client.getTicketCounts();

// (c) The `whmcs` package: no GetTicketCounts helper, so its documented generic `utils.modem`.
// WHMCS takes an API credential as username/password too.
const WHMCS = require('whmcs');
const whmcs = new WHMCS({
  username: SAMPLE_CREDENTIALS.identifier,
  password: SAMPLE_CREDENTIALS.secret,
  serverUrl: apiUrl.href,
});
function whmcsCall() {
  return new Promise((resolve, reject) => {
    whmcs.utils.modem({ client: whmcs, body: { action: 'GetTicketCounts' } }, (error, data) =>
      error ? reject(error) : resolve(data),
    );
  });
}

const contenders = [
  { name: 'floor: undici.request + JSON.parse', call: floorCall },
  { name: 'ours: createTicketCountsClient + createNodeTransport', call: oursCall },
  { name: 'whmcs@1.2.2 (utils.modem)', call: whmcsCall },
];

/** Wall-clock and this process's CPU time, both in µs per call. CPU time is what the client itself
 * costs; it is much less disturbed than wall time by other work on the machine. */
async function run(call, count) {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await call();
  const wall = Number(process.hrtime.bigint() - started) / 1000 / count;
  const cpuUsed = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpuUsed.user + cpuUsed.system) / count };
}

/** A padded table (first column left-aligned, the others right-aligned), as the formatter writes it. */
function markdownTable(header, body) {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...body.map((row) => row[i].length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

try {
  // All three must agree before anything is timed.
  const [a, b, c] = await Promise.all(contenders.map((contender) => contender.call()));
  if (a.allActive !== b.allActive || a.allActive !== Number(c.allActive)) {
    throw new Error('the contenders disagree about the counts');
  }
  for (const contender of contenders) await run(contender.call, WARMUP);

  const samples = contenders.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      samples[index].push(await run(contenders[index].call, CALLS));
    }
  }

  const wall = samples.map((rounds) => median(rounds.map((sample) => sample.wall)));
  const cpu = samples.map((rounds) => median(rounds.map((sample) => sample.cpu)));
  const rows = contenders.map((contender, i) => ({
    name: contender.name,
    wall: wall[i],
    cpu: cpu[i],
    perSecond: 1e6 / wall[i],
    best: Math.min(...samples[i].map((sample) => sample.wall)),
  }));
  const [floor, ours, other] = rows;
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  const table = markdownTable(
    [
      'client',
      'wall µs/call (median)',
      'calls/s',
      'best round µs/call',
      'client CPU µs/call (median)',
    ],
    rows.map((row) => [
      row.name,
      row.wall.toFixed(1),
      row.perSecond.toFixed(0),
      row.best.toFixed(1),
      row.cpu.toFixed(1),
    ]),
  );
  const ratio = (a, b) => (a / b).toFixed(3);
  // Each round runs the contenders back to back under similar machine load, so the median of the
  // per-round ratios is much less disturbed by other work than the ratio of the medians.
  const pairedRatio = (a, b, metric) =>
    median(samples[a].map((sample, round) => sample[metric] / samples[b][round][metric])).toFixed(
      3,
    );
  const summary = [
    `- ours / floor, wall time per call: **${pairedRatio(1, 0, 'wall')}×** (median of per-round ratios; target ≤ 1.2×); ratio of medians ${ratio(ours.wall, floor.wall)}×; best rounds ${ratio(ours.best, floor.best)}×; client CPU ${pairedRatio(1, 0, 'cpu')}×`,
    `- whmcs / ours, wall time per call: **${pairedRatio(2, 1, 'wall')}×** (> 1 means ours is faster); ratio of medians ${ratio(other.wall, ours.wall)}×; best rounds ${ratio(other.best, ours.best)}×; client CPU ${pairedRatio(2, 1, 'cpu')}×`,
  ].join('\n');
  console.log(`${table}\n\n${summary}`);

  if (!values['no-write']) {
    const report = `# Client benchmark

Written by \`pnpm --filter @whmcs-ticket-counts/core bench\` (\`bench/client-bench.mjs\`); re-run it to refresh.

- Date: ${new Date().toISOString()}
- Machine: ${machine}; load average at the end ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')}
- Node: ${process.version}, undici ${require('undici/package.json').version}
- Set-up: the WHMCS simulator in a child process on 127.0.0.1 (sample data, API credential, no flags);
  calls one after another (concurrency 1, like polling); ${WARMUP} warm-up calls each, then ${ROUNDS}
  interleaved rounds of ${CALLS} calls each, order rotated per round; the median round is shown.
  Other work on the machine (other builds and tests) adds noise: compare the ratios, not the absolute figures.

${table}

${summary}

The floor is a bare \`undici.request\` POST with a pre-encoded body and \`JSON.parse\`, over a
keep-alive \`Agent\`: the least any client must do with \`undici.request\`. Ours adds the timeout and
abort wiring, the interpretation of the answer (error mapping, redaction on the error path) and the
\`zod/mini\` validation and normalisation of the counts — but its transport uses \`dispatcher.dispatch\` with a small handler instead of
\`request()\`'s per-response Readable stream, and creates no AbortSignal unless a transport asks for
one, which is why it can come out level with (or, by noise, below) the floor.
The \`whmcs\` package sends the credential as \`username\`/\`password\` through the \`request\` library.
`;
    await writeFile(join(here, '..', 'BENCHMARK.md'), report);
    console.log('\nWrote BENCHMARK.md');
  }
} finally {
  await transport.close();
  await floorAgent.close();
  sim.stop();
}
