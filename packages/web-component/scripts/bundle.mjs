// Builds dist/ticket-counts.js: one self-contained, minified ES module for <script type="module">,
// with everything from core inlined. Prints its min+gzip size and fails above the 5 KB budget.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budgetBytes, bundleOptions } from './bundle-options.mjs';

const outfile = new URL('../dist/ticket-counts.js', import.meta.url).pathname;

await build({
  entryPoints: [new URL('../src/define.ts', import.meta.url).pathname],
  outfile,
  ...bundleOptions,
});

const source = await readFile(outfile);
const gzipped = gzipSync(source, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
console.log(
  `dist/ticket-counts.js: ${kb(source.length)} minified, ${kb(gzipped)} min+gzip (budget ${kb(budgetBytes)})`,
);
if (gzipped > budgetBytes) {
  console.error(
    `The element bundle is over its ${kb(budgetBytes)} min+gzip budget; make it smaller.`,
  );
  process.exitCode = 1;
}
