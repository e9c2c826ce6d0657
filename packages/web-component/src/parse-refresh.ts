export const defaultRefreshSeconds = 60;

/**
 * `refresh` is seconds between polls (1 to 86,400, default 60) or `live` for server-sent events.
 * The ceiling matters: browsers fire a timer of more than 2^31 ms (about 24.8 days) at once.
 */
export function parseRefresh(value: string | null | undefined): number | 'live' {
  const text = value?.trim().toLowerCase();
  if (text === 'live') return 'live';
  const seconds = Number(text);
  return text && Number.isFinite(seconds) && seconds > 0
    ? Math.min(86_400, Math.max(1, seconds))
    : defaultRefreshSeconds;
}
