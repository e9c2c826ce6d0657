// Bundles the extension with esbuild (workspace packages inlined, `vscode` external), then packs
// it with vsce. Never prompts: vsce gets every answer it would otherwise ask for.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The screenshots stay out of the .vsix (size), and vsce refuses relative image links it cannot
// resolve to a public repository: the packaged README is the same text without them.
const readme = readFileSync(join(root, 'README.md'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('![') && !line.startsWith('(The screenshots'))
  .join('\n')
  .replace(/\[([^\]]+)\]\((?!https?:|#)[^)]+\)/g, '$1');
writeFileSync(join(root, 'dist', 'README.md'), readme);

const vsce = join(root, 'node_modules', '.bin', 'vsce');
try {
  execFileSync(
    vsce,
    [
      'package',
      '--no-dependencies',
      '--readme-path',
      'dist/README.md',
      '--out',
      'whmcs-ticket-counts-vscode.vsix',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, VSCE_TELEMETRY: 'false' },
    },
  );
} catch {
  console.error('vsce could not package the extension; its message above says why.');
  process.exit(1);
}
