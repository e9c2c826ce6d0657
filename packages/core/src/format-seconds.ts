/** "15 seconds", "1 second", "0.5 seconds"; "40 ms" under 50 ms, where tenths would round to 0. */
export function formatSeconds(ms: number): string {
  if (ms < 50) return ms < 1 ? 'less than 1 ms' : `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}
