export const defaultRefreshSeconds = 60;

/** `refresh` is seconds between polls (at least 1, default 60) or `live` for server-sent events. */
export function parseRefresh(value: string | null | undefined): number | 'live' {
  const text = value?.trim().toLowerCase();
  if (text === 'live') return 'live';
  const seconds = Number(text);
  return text && Number.isFinite(seconds) && seconds > 0
    ? Math.max(1, seconds)
    : defaultRefreshSeconds;
}
