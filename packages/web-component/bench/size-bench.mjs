// Size benchmark: the <ticket-counts> bundle against GitHub's own small elements, each bundled with
// the same esbuild settings in the same run (self-contained, minified ES module, gzip level 9), so
// the ratios compare like with like. Writes BENCHMARK.md beside package.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budgetBytes, bundleOptions } from '../scripts/bundle-options.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
// Their package.json is not in their exports map, so read it from the package folder.
const versionOf = (name) =>
  JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')).version;

const subjects = [
  { name: '`<ticket-counts>` (ours, `src/define.ts`)', entry: `${root}src/define.ts` },
  {
    name: '`<relative-time>` (@github/relative-time-element)',
    entry: require.resolve('@github/relative-time-element'),
    version: versionOf('@github/relative-time-element'),
  },
  {
    name: '`<clipboard-copy>` (@github/clipboard-copy-element)',
    entry: require.resolve('@github/clipboard-copy-element'),
    version: versionOf('@github/clipboard-copy-element'),
  },
];

async function measure(entry) {
  const result = await build({
    entryPoints: [entry],
    ...bundleOptions,
    write: false,
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const rows = [];
for (const subject of subjects) rows.push({ ...subject, ...(await measure(subject.entry)) });
const [ours] = rows;
const bytes = (value) => value.toLocaleString('en-GB');

const report = `# Benchmark: the \`<ticket-counts>\` bundle size

Written by \`pnpm --filter @whmcs-ticket-counts/web-component bench\` (\`bench/size-bench.mjs\`) on
${new Date().toISOString().slice(0, 10)}. Every element is bundled in the same run with the same esbuild settings as
our build (one self-contained, minified ES module, \`es2022\`, browser) and gzipped at level 9.

| element | minified | min+gzip | ours / this (min+gzip) |
| --- | ---: | ---: | ---: |
${rows
  .map(
    (row) =>
      `| ${row.name}${row.version ? ` ${row.version}` : ''} | ${bytes(row.minified)} B | ${bytes(row.gzipped)} B | ${(ours.gzipped / row.gzipped).toFixed(2)}× |`,
  )
  .join('\n')}

Budget: ${bytes(budgetBytes)} B min+gzip (the build fails above it); ours uses ${((ours.gzipped / budgetBytes) * 100).toFixed(1)}% of it.
GitHub's elements are the style this one follows and the size the issue names ("the best
hand-written elements of this kind weigh 1–6 KB"). They do other jobs: \`<relative-time>\` formats and
updates one date, \`<clipboard-copy>\` copies text; ours fetches, shares one request per \`src\`, streams, retries,
renders a list of counts with links and announces changes.
`;
writeFileSync(`${root}BENCHMARK.md`, report);
process.stdout.write(report);
if (ours.gzipped > budgetBytes) {
  console.error('The element bundle is over its budget.');
  process.exitCode = 1;
}
