import { readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire, Module } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createStub } = require('./vscode-stub.cjs');
const bundlePath = join(root, 'dist', 'extension.js');
const baselinePath = join(root, 'bench', 'baseline-extension.cjs');
const vsixPath = join(root, 'whmcs-ticket-counts-vscode.vsix');
const RUNS = 200;
const VSIX_TARGET = 150 * 1024;
const ACTIVATE_TARGET_MS = 10;

// --- network tripwire: every way the bundle could open a connection ---------------------------
const network = [];
const record = (what) => network.push({ what, at: performance.now() });
globalThis.fetch = (input) => {
  record(`fetch ${String(input)}`);
  return new Promise(() => {}); // never answers: nothing leaves this process
};
for (const [name, mod] of [
  ['http', http],
  ['https', https],
]) {
  mod.request = () => {
    record(`${name}.request`);
    throw new Error('network disabled in the benchmark');
  };
}
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  record('net.connect');
  return originalConnect.apply(this, args);
};

// --- the stub `vscode` module ------------------------------------------------------------------
const settings = {
  'whmcsTicketCounts.connections': [
    { id: 'bench', url: 'https://whmcs.invalid/', authMethod: 'api-credential', identifier: 'ID' },
  ],
};
let stub = createStub(settings);
const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  return request === 'vscode' ? stub : originalLoad.call(this, request, ...rest);
};

function context() {
  return {
    subscriptions: [],
    secrets: {
      get: async () => JSON.stringify({ secret: 'FAKE-bench-secret' }),
      store: async () => undefined,
      delete: async () => undefined,
      onDidChange: () => ({ dispose() {} }),
    },
  };
}

function freshModule(path = bundlePath) {
  delete require.cache[require.resolve(path)];
  const started = performance.now();
  const extension = require(path);
  return { extension, loadMs: performance.now() - started };
}

function dispose(ctx) {
  for (const item of ctx.subscriptions) item.dispose();
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

// First (cold) load and activation, as VS Code does it once per window.
const cold = freshModule();
const coldContext = context();
network.length = 0;
let started = performance.now();
cold.extension.activate(coldContext);
const coldActivateMs = performance.now() - started;
const requestsBeforeReturn = network.length;
if (stub.created.statusBarItems !== 1 || stub.created.treeViews !== 1) {
  throw new Error('activate() did not create the status bar item and the tree view');
}
// Let the async part run: reading the secret, then the first request (recorded, never sent out).
await new Promise((resolve) => setTimeout(resolve, 200));
const firstRequestAfterMs = network.length > 0 ? network[0].at - started : undefined;
dispose(coldContext);

const commandCount = stub.created.commands.length;
const loads = [];
const activations = [];
const baselineLoads = [];
const baselineActivations = [];
const ratios = [];
// Ours and the baseline alternate, so whatever else the machine does falls on both alike.
for (let run = 0; run < RUNS; run++) {
  stub = createStub(settings);
  const { extension, loadMs } = freshModule();
  const ctx = context();
  const before = network.length;
  started = performance.now();
  extension.activate(ctx);
  const oursMs = performance.now() - started;
  activations.push(oursMs);
  if (network.length !== before)
    throw new Error('a network request started before activate() returned');
  loads.push(loadMs);
  dispose(ctx);

  stub = createStub(settings);
  const baseline = freshModule(baselinePath);
  const baselineContext = context();
  started = performance.now();
  baseline.extension.activate(baselineContext, commandCount);
  const baselineMs = performance.now() - started;
  baselineActivations.push(baselineMs);
  baselineLoads.push(baseline.loadMs);
  dispose(baselineContext);
  ratios.push(oursMs / baselineMs);
}

// --- sizes ------------------------------------------------------------------------------------
const bundle = readFileSync(bundlePath);
const vsixBytes = statSync(vsixPath).size;
const meta = await build({
  absWorkingDir: root,
  entryPoints: ['src/extension.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const byPackage = new Map();
const [output] = Object.values(meta.metafile.outputs);
for (const [file, info] of Object.entries(output?.inputs ?? {})) {
  const match = file.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  const key = match
    ? match[1]
    : file.startsWith('src/')
      ? 'extension (src/)'
      : file.replace(/^\.\.\/(core|whmcs-sim)\/.*/, '@whmcs-ticket-counts/$1');
  byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(2)} ms`;
const rows = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);

const zodBytes = byPackage.get('zod') ?? 0;
const zodNote =
  zodBytes > bundle.length / 2
    ? `\nMost of the bundle (${kb(zodBytes)}) is \`zod\`, imported by core's default entry with its classic API.
Parsing it is most of the \`require\` time above, which VS Code pays once per window before
\`activate()\`. Core validating with \`zod/mini\` would take the bundle to roughly ${kb(bundle.length - zodBytes + 25 * 1024)} (an estimate, assuming ~25 KB of zod/mini; not measured).\n`
    : '';
const report = `# Benchmark: whmcs-ticket-counts-vscode

Measured by \`bench/activate-bench.mjs\` (\`pnpm --filter whmcs-ticket-counts-vscode bench\`) on
${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}. \`activate()\` runs outside VS Code with
a stub \`vscode\` module (\`bench/vscode-stub.cjs\`), one connection configured and a secret stored.

| what | measured | target |
| --- | --- | --- |
| \`.vsix\` | ${kb(vsixBytes)} | ≤ 150 KB ${vsixBytes <= VSIX_TARGET ? '✅' : '❌'} |
| bundle \`dist/extension.js\` (minified) | ${kb(bundle.length)} (${kb(gzipSync(bundle).length)} gzip) | — |
| \`activate()\` first call (cold) | ${ms(coldActivateMs)} | ≤ 10 ms ${coldActivateMs <= ACTIVATE_TARGET_MS ? '✅' : '❌'} |
| \`activate()\` median / p95 of ${RUNS} fresh loads | ${ms(quantile(activations, 0.5))} / ${ms(quantile(activations, 0.95))} | ≤ 10 ms ${quantile(activations, 0.95) <= ACTIVATE_TARGET_MS ? '✅' : '❌'} |
| baseline extension's \`activate()\` median / p95, same runs | ${ms(quantile(baselineActivations, 0.5))} / ${ms(quantile(baselineActivations, 0.95))} | — |
| ours / baseline, \`activate()\` (median of per-run ratios) | **${quantile(ratios, 0.5).toFixed(2)}×** | — |
| loading the bundle (\`require\`), first / median | ${ms(cold.loadMs)} / ${ms(quantile(loads, 0.5))} | — |
| network requests before \`activate()\` returned | ${requestsBeforeReturn} | 0 ${requestsBeforeReturn === 0 ? '✅' : '❌'} |
| first request, after \`activate()\` began | ${firstRequestAfterMs === undefined ? 'none within 200 ms' : ms(firstRequestAfterMs)} (asynchronous: after the secret is read) | — |

\`activate()\` only creates the status bar item, the tree view, the log channel and the commands;
the secret is read and the first request sent after it has returned.

The baseline (\`bench/baseline-extension.cjs\`) makes the same VS Code calls — a log channel, a
status bar item, a tree view, ${commandCount} commands, three event subscriptions — with no logic of its
own. It is loaded and activated alternately with ours, ${RUNS} times each, against the same stub, so
the ratio is what our settings reading, model and controller add to the API calls any extension
of this shape pays. Against a stub those calls are nearly free, so the ratio overstates what a user
would notice inside VS Code, where the API calls themselves dominate.

## What the bundle holds (bytes in the minified output)

| input | size |
| --- | --- |
${rows.map(([name, bytes]) => `| ${name} | ${kb(bytes)} |`).join('\n')}
${zodNote}`;
writeFileSync(join(root, 'BENCHMARK.md'), report);
process.stdout.write(report);

Module._load = originalLoad;
if (requestsBeforeReturn !== 0) {
  console.error('A network request started before activate() returned.');
  process.exit(1);
}
process.exit(0);
