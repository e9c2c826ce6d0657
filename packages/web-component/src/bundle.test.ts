import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Checks the built artefact (turbo builds before it tests; run `pnpm build` first by hand).
const bundleUrl = new URL('../dist/ticket-counts.js', import.meta.url);

describe('dist/ticket-counts.js', async () => {
  const source = await readFile(bundleUrl, 'utf8').catch(() => {
    throw new Error('dist/ticket-counts.js is missing; run the build first.');
  });

  it('is self-contained: no imports left for a <script type="module"> page to resolve', () => {
    // Static `import … from "x"`, bare `import "x"` and dynamic `import("x")` alike.
    expect(source.match(/\bimport\s*[("'{*]|\bfrom\s*["']/)?.[0]).toBeUndefined();
    expect(source).not.toContain('@whmcs-ticket-counts');
    expect(source).toMatch(/export\s*\{[^}]*\w+ as TicketCountsElement\b/);
    // Page scripts that set `data` can tell its error apart.
    expect(source).toMatch(/export\s*\{[^}]*\w+ as InvalidPayloadError\b/);
  });

  it('stays within its 5 KB min+gzip budget', () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(5 * 1024);
  });

  it('carries core inlined but none of its zod models', () => {
    expect(source).toContain('supporttickets.php');
    expect(source).not.toMatch(/zod|ZodError/);
  });
});
