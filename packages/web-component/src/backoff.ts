const initialMs = 2_000;
const maxMs = 300_000;

/**
 * Delay before retry number `failures` (1 = first retry): doubles from 2 s up to 5 min, with ±20 %
 * jitter so many pages behind one relay do not retry in lockstep.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
