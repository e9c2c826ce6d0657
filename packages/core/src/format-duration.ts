const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = [
  { ms: DAY, name: 'day' },
  { ms: HOUR, name: 'hour' },
  { ms: MINUTE, name: 'minute' },
] as const;

/**
 * A wait in the unit a person would use: "45 seconds", "3 minutes", "1 hour", "1158 days". A
 * unit is used from two of it (or exactly one), so "90 minutes" is not rounded to "2 hours";
 * rounded up, so following it never means retrying before the server asked.
 */
export function formatDuration(ms: number): string {
  if (!(ms > 0)) return 'a moment';
  const unit = UNITS.find((each) => ms >= 2 * each.ms || ms === each.ms);
  if (unit === undefined) return count(Math.ceil(ms / SECOND), 'second');
  return count(Math.ceil(ms / unit.ms), unit.name);
}

function count(amount: number, unit: string): string {
  return `${amount} ${amount === 1 ? unit : `${unit}s`}`;
}
