import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

/** The package a bare specifier names: `zod/mini` → `zod`, `@scope/name/sub` → `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Every module an entry pulls in: relative files (walked), bare specifiers and their packages. */
function importGraph(entry: string): {
  files: string[];
  packages: Set<string>;
  specifiers: Set<string>;
} {
  const files: string[] = [];
  const packages = new Set<string>();
  const specifiers = new Set<string>();
  const pending = [join(srcDir, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    // Type-only imports vanish from the JavaScript, so they cannot pull anything in.
    const pattern = /^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm;
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('.'))
        pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else {
        packages.add(packageOf(specifier));
        specifiers.add(specifier);
      }
    }
  }
  return { files, packages, specifiers };
}

describe('entry points', () => {
  it('the universal entry imports neither node:* nor undici', () => {
    const { packages } = importGraph('index.ts');
    expect([...packages].filter((name) => name.startsWith('node:') || name === 'undici')).toEqual(
      [],
    );
    expect(packages.has('zod')).toBe(true);
  });

  it('the universal entry validates with zod/mini, never classic zod (the extension bundles it)', () => {
    const zodImports = [...importGraph('index.ts').specifiers].filter(
      (specifier) => packageOf(specifier) === 'zod',
    );
    expect(zodImports).toEqual(['zod/mini']);
  });

  it('the browser entry imports nothing but our own zod-free files', () => {
    const { packages } = importGraph('browser.ts');
    expect([...packages]).toEqual([]);
  });

  it('only the node entry reaches undici', () => {
    expect(importGraph('node.ts').packages.has('undici')).toBe(true);
  });

  it('the browser entry stays far below the element’s 5 KB gzip budget, even unminified', () => {
    const { files } = importGraph('browser.ts');
    const javascript = files
      .map(
        (file) =>
          ts.transpileModule(readFileSync(file, 'utf8'), {
            compilerOptions: {
              target: ts.ScriptTarget.ES2022,
              module: ts.ModuleKind.ESNext,
              removeComments: true,
            },
          }).outputText,
      )
      .join('\n');
    // Measured ~4.0 KB unminified with comments stripped (~2.9 KB before errors learnt to redact
    // only the holes of their wording and every encoded form of a secret: adminTicketLinks pulls
    // InvalidConfigurationError in). A minifier roughly halves it, and the element's bundler drops
    // what it does not call.
    expect(gzipSync(javascript).length).toBeLessThan(4500);
  });
});
