import type { TicketCountsElement } from '../src/ticket-counts-element.js';

/** Waits (bounded) until `check` passes; failures inside it are retried until the deadline. */
export async function until<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = await check();
      if (result !== false && result !== undefined) return result;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function parts(element: Element, name: string): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

/** What a person sees: each count as "value label", in order. */
export function shownCounts(element: TicketCountsElement): string[] {
  return parts(element, 'count').map((row) => {
    const value = row.querySelector('[part~=value]')?.textContent;
    const label = row.querySelector('[part~=label]')?.textContent;
    return `${value} ${label}`;
  });
}

export function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

let laterTags = 0;

/**
 * A fresh tag for the element class, to be defined later: markup already in the page upgrades on
 * `define()`, as when the bundle's <script type="module"> runs after the parser met the element.
 */
export function defineLater<T extends CustomElementConstructor>(
  elementClass: T,
): { tag: string; define: () => void } {
  laterTags += 1;
  const tag = `ticket-counts-later-${laterTags}`;
  return { tag, define: () => customElements.define(tag, class extends elementClass {}) };
}
