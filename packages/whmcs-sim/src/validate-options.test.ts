import { describe, expect, it } from 'vitest';
import { startWhmcsSimulator } from './simulator.js';
import { InvalidSimulatorOptionError } from './validate-options.js';

describe('option validation', () => {
  const bad = [
    [{ port: -1 }, 'port'],
    [{ port: 1.5 }, 'port'],
    [{ basePath: '/billing?x' }, 'basePath'],
    [{ ban: { maxFailures: 0 } }, 'ban.maxFailures'],
    [{ ban: { durationMs: Number.NaN } }, 'ban.durationMs'],
    [{ liveliness: { intervalMs: 0 } }, 'liveliness.intervalMs'],
  ] as const;
  for (const [options, name] of bad) {
    it(`refuses ${JSON.stringify(options)} before listening`, async () => {
      const attempt = startWhmcsSimulator(options);
      await expect(attempt).rejects.toBeInstanceOf(InvalidSimulatorOptionError);
      await expect(attempt).rejects.toThrow(name);
    });
  }
});
