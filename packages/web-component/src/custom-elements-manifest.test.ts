import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { styles } from './styles.js';

// custom-elements.json is what editors show a page author; its CSS custom properties must be the
// ones the styles read, with the defaults the styles fall back to.
const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
) as {
  modules: { declarations: { cssProperties?: { name: string; default?: string }[] }[] }[];
};
const declared = manifest.modules
  .flatMap((m) => m.declarations)
  .flatMap((d) => d.cssProperties ?? []);

/** Every `var(--ticket-counts-…, fallback)` in the styles, fallback with its nested parentheses. */
function fallbacksInStyles(): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of styles.matchAll(/var\((--ticket-counts-[a-z-]+),/g)) {
    let depth = 1;
    let end = (match.index ?? 0) + match[0].length;
    const start = end;
    for (; depth > 0; end++) {
      if (styles[end] === '(') depth++;
      if (styles[end] === ')') depth--;
    }
    found.set(match[1] as string, styles.slice(start, end - 1));
  }
  return found;
}

describe('custom-elements.json', () => {
  it('lists exactly the CSS custom properties the styles read, with their defaults', () => {
    const inStyles = fallbacksInStyles();
    expect(declared.map((p) => p.name).sort()).toEqual([...inStyles.keys()].sort());
    for (const property of declared) {
      expect(property.default, property.name).toBe(inStyles.get(property.name));
    }
  });
});
