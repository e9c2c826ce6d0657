/** "N min ago" for the stale marker; coarse on purpose, it is re-rendered every half minute. */
export function formatAge(fetchedAtMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - fetchedAtMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}
