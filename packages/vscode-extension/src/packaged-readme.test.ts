import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// dist/README.md is the README the .vsix carries (the Extensions view shows it). The build turns
// relative links into their text (vsce refuses them); a code span shaped like a link would be
// mangled too, so the README must word such examples differently.
const source = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const packaged = readFileSync(new URL('../dist/README.md', import.meta.url), 'utf8');

describe('the README packed into the .vsix', () => {
  it('keeps every code span of the README as written', () => {
    const codeSpans = source.match(/`[^`\n]+`/g) ?? [];
    for (const span of codeSpans) expect(packaged, span).toContain(span);
  });

  it('has no relative links or images left', () => {
    const outsideCode = packaged.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]+`/g, '');
    expect(outsideCode).not.toMatch(/\]\((?!https?:|#)[^)]*\)/);
  });
});
