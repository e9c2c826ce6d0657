import { describe, expect, it } from 'vitest';
import { applyLivelinessStep } from './liveliness.js';
import { createSampleData } from './sample-data.js';
import { postJson, sampleRequest } from './test-support/call-api.js';
import { simulatorFixture } from './test-support/simulator-fixture.js';

const start = simulatorFixture();

/** A small deterministic PRNG (mulberry32) so every run takes the same path. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('liveliness', () => {
  it('keeps the desk plausible over many steps: active total bounded, ids unique', () => {
    const data = createSampleData();
    const random = seededRandom(42);
    const activeTitles = new Set(data.statuses.filter((s) => s.showActive).map((s) => s.title));
    const knownTitles = new Set(data.statuses.map((s) => s.title));
    const seen = new Set<string>();
    const flagCounts = new Set<number>();
    for (let step = 0; step < 2000; step++) {
      applyLivelinessStep(data, random);
      const active = data.tickets.filter((t) => !t.merged && activeTitles.has(t.status)).length;
      expect(active).toBeGreaterThanOrEqual(7);
      expect(active).toBeLessThanOrEqual(61);
      seen.add(JSON.stringify(data.tickets.map((t) => t.status)));
      flagCounts.add(data.tickets.filter((t) => t.flaggedAdminId !== undefined).length);
    }
    expect(new Set(data.tickets.map((t) => t.id)).size).toBe(data.tickets.length);
    expect(data.tickets.every((t) => knownTitles.has(t.status))).toBe(true);
    // It really moves: many distinct states were visited, flags included.
    expect(seen.size).toBeGreaterThan(100);
    expect(flagCounts.size).toBeGreaterThan(2);
  });

  it('changes what the API answers over time', async () => {
    const simulator = await start({ liveliness: { intervalMs: 5, random: seededRandom(7) } });
    const ask = async () =>
      JSON.stringify(
        (await postJson(simulator.apiUrl, sampleRequest({ includeCountsByStatus: '1' }))).body,
      );
    const first = await ask();
    let later = first;
    for (let attempt = 0; attempt < 200 && later === first; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      later = await ask();
    }
    expect(later).not.toBe(first);
  });
});
