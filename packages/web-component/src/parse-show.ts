/** One entry of the `show` attribute: a known total, every status, or one status by its title. */
export type ShowItem = 'awaiting' | 'active' | 'flagged' | 'statuses' | { title: string };

const keywords = new Set(['awaiting', 'active', 'flagged', 'statuses']);

export const defaultShow = 'awaiting,active,flagged';

/**
 * Parses `show="awaiting, flagged, On Hold"`; unknown words are status titles (case-insensitive).
 * A comma inside a title is written `\,` (`Waiting\, customer`).
 */
export function parseShow(value: string | null | undefined): ShowItem[] {
  const items: ShowItem[] = [];
  const seen = new Set<string>();
  for (const raw of (value?.trim() ? value : defaultShow).split(/(?<!\\),/)) {
    const word = raw.replace(/\\,/g, ',').trim();
    const id = word.toLowerCase();
    if (!word || seen.has(id)) continue;
    seen.add(id);
    items.push(keywords.has(id) ? (id as ShowItem) : { title: word });
  }
  // `show=","` names nothing, as `show=""` does: both mean the default list.
  return items.length ? items : parseShow(defaultShow);
}
