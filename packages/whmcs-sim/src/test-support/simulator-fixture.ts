import { afterEach } from 'vitest';
import { startWhmcsSimulator } from '../simulator.js';
import type { WhmcsSimulator, WhmcsSimulatorOptions } from '../types.js';

/** A `start` function whose simulators are all closed after each test. */
export function simulatorFixture(): (options?: WhmcsSimulatorOptions) => Promise<WhmcsSimulator> {
  const started: WhmcsSimulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((simulator) => simulator.close()));
  });
  return async (options) => {
    const simulator = await startWhmcsSimulator(options);
    started.push(simulator);
    return simulator;
  };
}
