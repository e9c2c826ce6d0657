import {
  type AdminTicketLinks,
  adminTicketLinks,
  diffTicketCounts,
  type TicketCountChange,
  type TicketCounts,
} from './core-browser.js';
import { InvalidPayloadError } from './errors.js';
import { formatAge } from './format-age.js';
import { parseRefresh } from './parse-refresh.js';
import { defaultShow, parseShow } from './parse-show.js';
import { type RelayPayload, toRelayPayload } from './relay-payload.js';
import { renderCounts } from './render-counts.js';
import { selectCounts } from './select-counts.js';
import { type FeedSnapshot, subscribeFeed } from './shared-feed.js';
import { styles } from './styles.js';
import { totals } from './totals.js';

export type TicketCountsState = 'loading' | 'ok' | 'stale' | 'error';

export interface TicketCountsLoadDetail {
  data: RelayPayload;
}
export interface TicketCountsErrorDetail {
  message: string;
}
export interface TicketCountsChangeDetail {
  changes: TicketCountChange[];
  data: RelayPayload;
}

const template = `<style>${styles}</style><div part="container"><span part="caption" hidden></span><ul part="counts" hidden></ul><span part="state" hidden><span></span><span class="sr"></span></span></div><slot></slot><span class="sr" aria-live="polite"></span>`;

/**
 * Attributes reflected as properties (`hide-zero` ↔ `hideZero`) and their fallbacks; a `false`
 * fallback makes a boolean attribute.
 */
const reflected: Record<string, string | false> = {
  src: '',
  refresh: '60',
  show: defaultShow,
  'hide-zero': false,
  'admin-url': '',
  'admin-folder': 'admin',
  label: '',
  compact: false,
};

function propertyName(attribute: string): keyof TicketCountsElement {
  return attribute.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase()) as never;
}

const properties = Object.keys(reflected).map(propertyName);

/**
 * What a live region said in this task. Elements on one feed hear news together (the relay's demo
 * page has two): the first says it, the others would only repeat it to the screen reader.
 */
let said: string | undefined;

/**
 * `<ticket-counts src="https://relay.example/ticket-counts">`: WHMCS support-ticket counts from a
 * relay. Defining it has no side effects; `define.js` registers the tag.
 */
export class TicketCountsElement extends HTMLElement {
  static observedAttributes = Object.keys(reflected);

  // Reflected attributes: accessors are defined on the prototype from `reflected`, below the class.
  /** The relay's JSON URL, e.g. `https://relay.example/ticket-counts`. */
  declare src: string;
  /** Seconds between polls (1 to 86400, default 60), or `live` for server-sent events. */
  declare refresh: string;
  /** Comma list of `awaiting`, `active`, `flagged`, `statuses`, or status titles. */
  declare show: string;
  /** Hide counts that are 0 (disabled counts stay). */
  declare hideZero: boolean;
  /** WHMCS base URL (http or https): each count links into the admin area. */
  declare adminUrl: string;
  /** WHMCS's admin folder name, default `admin`. */
  declare adminFolder: string;
  /** A caption before the counts. */
  declare label: string;
  /** Numbers only; labels stay for screen readers and tooltips. */
  declare compact: boolean;

  #root = this.attachShadow({ mode: 'open' });
  #snapshot: FeedSnapshot = { failures: 0 };
  #receivedAt = 0;
  #unsubscribe?: () => void;
  /** `refresh src` of the running subscription; undefined until connected, and after removal. */
  #key?: string;
  #ageTimer?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.#root.innerHTML = template;
  }

  get state(): TicketCountsState {
    const { payload, error } = this.#snapshot;
    if (!payload) return error ? 'error' : 'loading';
    return error || payload.stale ? 'stale' : 'ok';
  }

  /** The counts shown, or `null`. Set it to show counts without a relay (throws InvalidPayloadError). */
  get data(): RelayPayload | null {
    return this.#snapshot.payload ?? null;
  }
  set data(value: RelayPayload | null) {
    if (value == null) this.#reset();
    // A copy: a page that updates its object in place and sets it again brings new counts. Checked
    // before copying too: JSON turns NaN and Infinity into null, "counts disabled on this server".
    else
      this.#receive({
        payload: toRelayPayload(JSON.parse(JSON.stringify(toRelayPayload(value)))),
        failures: 0,
      });
  }

  connectedCallback(): void {
    // Properties a page set before the element was defined sit on the instance and hide the
    // accessors: take them off and set them again, through the accessors ("upgrade properties").
    for (const name of [...properties, 'data'] as const) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        // Bad `data` can no longer throw at the page that set it, and must not stop the upgrade.
        try {
          (this as Record<string, unknown>)[name] = value;
        } catch {
          this.#invalid();
        }
      }
    }
    this.#sync();
    this.#render();
  }

  disconnectedCallback(): void {
    // Deferred: an element moved in the DOM (removed and put back in one task) keeps its feed.
    queueMicrotask(() => this.#sync());
    clearInterval(this.#ageTimer);
    this.#ageTimer = undefined;
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value) return;
    if (name === 'src' || name === 'refresh') {
      // Counts from another relay must not linger (or be diffed against), connected or not. A new
      // refresh asks the same relay: its counts stay until the new feed answers.
      if (name === 'src' && (previous !== null || this.isConnected)) this.#reset();
      // Not before the first connect: an upgrade reports every attribute, then connects.
      if (this.#key) this.#sync();
    }
    if (this.isConnected) this.#render();
  }

  #reset(): void {
    this.#snapshot = { failures: 0 };
    this.#render();
  }

  /** Subscribes while connected, to the feed `src` and `refresh` name; changes nothing otherwise. */
  #sync(): void {
    const key = this.isConnected ? `${this.refresh} ${this.src}` : undefined;
    if (key === this.#key) return;
    this.#key = key;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (key) this.#subscribe();
  }

  #subscribe(): void {
    if (this.src) {
      this.#unsubscribe = subscribeFeed(this.src, parseRefresh(this.refresh), (s) =>
        this.#receive(s),
      );
      return;
    }
    // Static pages: counts written into the page as <script type="application/json">.
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (!inline && document.readyState === 'loading') {
      // Defined before the parser got here: connected before the children are parsed.
      document.addEventListener(
        'DOMContentLoaded',
        () => this.#key && !this.src && this.#subscribe(),
        {
          once: true,
        },
      );
    }
    if (!inline || this.#snapshot.payload) return;
    try {
      this.data = JSON.parse(inline.textContent ?? '');
    } catch {
      this.#invalid();
    }
  }

  #invalid(): void {
    this.#receive({ error: new InvalidPayloadError().message, failures: 1 });
  }

  #receive(snapshot: FeedSnapshot): void {
    const previous = this.#snapshot.payload;
    this.#snapshot = snapshot;
    const { payload, error } = snapshot;
    if (error) this.#emit<TicketCountsErrorDetail>('error', { message: error });
    // "New counts arrived": a poll that brings the same counts from the same moment is no news.
    if (payload && JSON.stringify(payload) !== JSON.stringify(previous)) {
      this.#receivedAt = Date.now();
      this.#emit<TicketCountsLoadDetail>('load', { data: payload });
      // The payload has no countsDisabled; the diff compares counts and statuses only.
      const changes = previous
        ? diffTicketCounts(previous as TicketCounts, payload as TicketCounts)
        : [];
      if (changes.length > 0) {
        this.#emit<TicketCountsChangeDetail>('change', { changes, data: payload });
        this.#announce(changes, payload);
      }
    }
    this.#render();
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(
      new CustomEvent(`ticket-counts:${type}`, { bubbles: true, composed: true, detail }),
    );
  }

  /** Tell screen readers about changes to counts this element shows; never about routine reloads. */
  #announce(changes: TicketCountChange[], payload: RelayPayload): void {
    const shown = selectCounts(payload, parseShow(this.show), false);
    // Named as the pill names it ("active", not core's "All active"), so both agree.
    const lines = changes.flatMap((c) => {
      const item = shown.find((i) =>
        i.kind === 'status' ? i.title === c.title : totals[i.kind][0] === c.field,
      );
      // `from` is undefined for a status that was not there before: nothing to compare with.
      return item
        ? `${item.label}: ${c.to ?? 'disabled'}${c.from === undefined ? '' : ` (was ${c.from ?? 'disabled'})`}.`
        : [];
    });
    if (lines.length > 0) this.#say(lines.join(' '));
  }

  #say(text: string): void {
    if (text === said) return;
    this.#part('[aria-live]').textContent = said = text;
    queueMicrotask(() => (said = undefined));
  }

  #part(selector: string): HTMLElement {
    return this.#root.querySelector(selector) as HTMLElement;
  }

  #links(): AdminTicketLinks | undefined {
    try {
      const base = new URL(this.adminUrl, document.baseURI);
      // Only real web links: an admin-url of "javascript:…" must not become a clickable count.
      const folder = this.adminFolder;
      if (this.adminUrl && /^https?:$/.test(base.protocol) && /^[\w-]+$/.test(folder)) {
        return adminTicketLinks(base, folder);
      }
    } catch {}
    return undefined;
  }

  #render(): void {
    const state = this.state;
    const began = this.getAttribute('state') !== state;
    if (began) this.setAttribute('state', state);
    const { payload, error } = this.#snapshot;
    const caption = this.#part('[part=caption]');
    caption.textContent = this.label;
    caption.hidden = !this.label;
    const list = this.#part('ul');
    list.hidden = !payload;
    list.setAttribute('aria-label', this.label || 'Ticket counts');
    // The author's fallback is for when the element cannot run; next to an error it misleads.
    this.#part('slot').hidden = !!payload || state === 'error';
    if (payload)
      renderCounts(list, selectCounts(payload, parseShow(this.show), this.hideZero), this.#links());

    const stateText = this.#part('[part=state]');
    const stale = state === 'stale';
    const fetchedAt = Date.parse(payload?.fetchedAt ?? '') || this.#receivedAt;
    // Leads with "not updating": a bare "updated just now" would read as a refresh that worked.
    const [visible, reason] = stateText.children as unknown as HTMLElement[];
    (visible as HTMLElement).textContent = stale
      ? `not updating · last update ${formatAge(fetchedAt, Date.now())}`
      : state === 'error'
        ? (error ?? '')
        : '';
    stateText.title = stale ? (error ?? payload?.error?.message ?? '') : '';
    // The reason as text too: screen readers do not reliably read a title.
    (reason as HTMLElement).textContent = stateText.title && `: ${stateText.title}`;
    stateText.hidden = !visible?.textContent;
    // "Not updating" or an error appearing is a status message (WCAG 4.1.3): said once, as it
    // begins. When it ends, the live region empties, unless it just said what changed.
    if (began && !said) this.#say(stateText.hidden ? '' : (stateText.textContent as string));
    // "N min ago" must keep counting while nothing new arrives.
    if (stale && this.isConnected && !this.#ageTimer)
      this.#ageTimer = setInterval(() => this.#render(), 30_000);
    if (!stale) {
      clearInterval(this.#ageTimer);
      this.#ageTimer = undefined;
    }
  }
}

for (const [attribute, fallback] of Object.entries(reflected)) {
  Object.defineProperty(TicketCountsElement.prototype, propertyName(attribute), {
    get(this: HTMLElement) {
      return fallback === false
        ? this.hasAttribute(attribute)
        : (this.getAttribute(attribute) ?? fallback);
    },
    set(this: HTMLElement, value: unknown) {
      if (fallback === false) this.toggleAttribute(attribute, !!value);
      // Like native reflection: null and undefined remove the attribute, never show "null".
      else if (value == null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}
