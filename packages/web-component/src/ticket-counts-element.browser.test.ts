import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { description } from '../scripts/element-description.mjs';
import { defineLater, mount, parts, shownCounts } from '../test/dom.js';
import { samplePayload } from '../test/sample-payload.js';
import { InvalidPayloadError, TicketCountsElement } from './define.js';

afterEach(() => {
  document.body.replaceChildren();
});

function element(html = '<ticket-counts></ticket-counts>'): TicketCountsElement {
  // In a <main>, like on a real page (axe checks that content sits in a landmark).
  return mount(`<main>${html}</main>`).querySelector('ticket-counts') as TicketCountsElement;
}

describe('<ticket-counts> without a relay', () => {
  it('is registered once, and the tag maps to the class', () => {
    expect(customElements.get('ticket-counts')).toBe(TicketCountsElement);
    expect(document.createElement('ticket-counts')).toBeInstanceOf(TicketCountsElement);
  });

  it('keeps the light-DOM fallback visible until counts arrive, then shows the counts', () => {
    const el = element('<ticket-counts><a href="/tickets">Tickets</a></ticket-counts>');
    const slot = el.shadowRoot?.querySelector('slot') as HTMLSlotElement;
    expect(el.state).toBe('loading');
    expect(el.getAttribute('state')).toBe('loading');
    expect(slot.hidden).toBe(false);
    expect(slot.assignedElements()[0]?.textContent).toBe('Tickets');

    el.data = samplePayload();
    expect(slot.hidden).toBe(true);
    expect(el.getAttribute('state')).toBe('ok');
    expect(shownCounts(el)).toEqual(['4 awaiting reply', '12 active', '1 flagged']);
  });

  it('renders inline JSON for static pages', () => {
    const json = JSON.stringify(samplePayload({ awaitingReply: 7 }));
    const el = element(
      `<ticket-counts><script type="application/json">${json}</script></ticket-counts>`,
    );
    expect(shownCounts(el)).toEqual(['7 awaiting reply', '12 active', '1 flagged']);
  });

  it('says what is wrong when inline JSON is broken', () => {
    const el = element(
      '<ticket-counts><script type="application/json">{"allActive":</script></ticket-counts>',
    );
    expect(el.state).toBe('error');
    expect(parts(el, 'state')[0]?.textContent).toBe(
      'These are not ticket counts; give allActive, awaitingReply and flaggedTickets as whole numbers or null.',
    );
  });

  it('shows disabled counts as "—" with an explanation, never as 0', () => {
    const el = element('<ticket-counts hide-zero></ticket-counts>');
    el.data = samplePayload({ allActive: null, awaitingReply: null, flaggedTickets: null });
    expect(shownCounts(el)).toEqual(['— awaiting reply', '— active', '— flagged']);
    for (const value of parts(el, 'value')) {
      expect(value.title).toBe('counts disabled on this server');
      expect(value.getAttribute('part')).toBe('value disabled');
    }
  });

  it('follows show and hide-zero, and re-renders when they change', () => {
    const el = element('<ticket-counts show="flagged, statuses"></ticket-counts>');
    el.data = samplePayload();
    expect(shownCounts(el)).toEqual([
      '1 flagged',
      '3 Open',
      '0 On Hold',
      '2 Billing & Sales',
      '1 <img src=x onerror=alert(1)>',
    ]);
    el.hideZero = true;
    expect(el.getAttribute('hide-zero')).toBe('');
    expect(shownCounts(el)).not.toContain('0 On Hold');
    el.show = 'billing & sales,awaiting';
    expect(shownCounts(el)).toEqual(['2 Billing & Sales', '4 awaiting reply']);
    expect(parts(el, 'status')).toHaveLength(1);
  });

  it('renders status titles as text: markup stays literal and never runs', async () => {
    const alerts = vi.fn();
    const original = window.alert;
    window.alert = alerts;
    try {
      const el = element('<ticket-counts show="statuses"></ticket-counts>');
      el.data = samplePayload({
        status: {
          a: { title: '<img src=x onerror=alert(1)>', count: 1 },
          b: { title: '&lt;img src=x onerror=alert(2)&gt;', count: 2 },
          c: { title: '<script>alert(3)</script>', count: 3 },
        },
      });
      expect(shownCounts(el)).toEqual([
        '1 <img src=x onerror=alert(1)>',
        '2 <img src=x onerror=alert(2)>',
        '3 <script>alert(3)</script>',
      ]);
      expect(el.shadowRoot?.querySelector('img, script')).toBeNull();
      // Give a broken image's onerror every chance to fire.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(alerts).not.toHaveBeenCalled();
    } finally {
      window.alert = original;
    }
  });

  it('links each count into the WHMCS admin area when admin-url is set', () => {
    const el = element(
      '<ticket-counts show="awaiting,active,flagged,statuses" admin-url="https://billing.example.com/whmcs"></ticket-counts>',
    );
    el.data = samplePayload();
    const hrefs = parts(el, 'link').map((a) => a.getAttribute('href'));
    const page = 'https://billing.example.com/whmcs/admin/supporttickets.php';
    expect(hrefs).toEqual([
      page,
      `${page}?view=active`,
      `${page}?view=flagged`,
      `${page}?view=Open`,
      `${page}?view=On%20Hold`,
      `${page}?view=Billing%20%26%20Sales`,
      `${page}?view=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
    ]);
    el.adminFolder = 'staff-area';
    expect(parts(el, 'link')[0]?.getAttribute('href')).toBe(
      'https://billing.example.com/whmcs/staff-area/supporttickets.php',
    );
  });

  it('never copies a user name or password from admin-url into its links', () => {
    const el = element(
      '<ticket-counts admin-url="https://admin:hunter2@billing.example.com/whmcs/"></ticket-counts>',
    );
    el.data = samplePayload();
    const hrefs = parts(el, 'link').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) {
      expect(href).toMatch(/^https:\/\/billing\.example\.com\/whmcs\/admin\/supporttickets\.php/);
      expect(href).not.toContain('hunter2');
    }
  });

  it('makes no links from non-web admin URLs or odd admin folders', () => {
    const el = element('<ticket-counts admin-url="javascript:alert(1)"></ticket-counts>');
    el.data = samplePayload();
    expect(parts(el, 'link')).toHaveLength(0);
    el.adminUrl = 'https://billing.example.com/';
    expect(parts(el, 'link')).toHaveLength(3);
    el.adminFolder = '../../evil';
    expect(parts(el, 'link')).toHaveLength(0);
  });

  it('reflects attributes as properties and back', () => {
    const el = element();
    expect([
      el.src,
      el.refresh,
      el.show,
      el.hideZero,
      el.adminUrl,
      el.adminFolder,
      el.label,
      el.compact,
    ]).toEqual(['', '60', 'awaiting,active,flagged', false, '', 'admin', '', false]);
    el.refresh = 'live';
    el.label = 'Support';
    el.compact = true;
    el.adminUrl = 'https://billing.example.com/';
    expect(el.getAttribute('refresh')).toBe('live');
    expect(el.getAttribute('label')).toBe('Support');
    expect(el.hasAttribute('compact')).toBe(true);
    expect(el.getAttribute('admin-url')).toBe('https://billing.example.com/');
    el.setAttribute('show', 'flagged');
    expect(el.show).toBe('flagged');
  });

  it('shows the label as a caption and keeps labels for screen readers in compact mode', () => {
    const el = element('<ticket-counts label="Support" compact></ticket-counts>');
    el.data = samplePayload();
    expect(parts(el, 'caption')[0]?.textContent).toBe('Support');
    const label = parts(el, 'label')[0] as HTMLElement;
    expect(label.textContent).toBe('awaiting reply');
    expect(label.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(parts(el, 'count')[0]?.title).toBe('awaiting reply: 4');
  });

  it('shows stale counts with their age and the reason, as a tooltip and for screen readers', () => {
    const el = element();
    const fetchedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    el.data = samplePayload({
      stale: true,
      fetchedAt,
      error: { kind: 'timeout', message: 'WHMCS did not answer in time; it will be retried.' },
    });
    expect(el.state).toBe('stale');
    expect(el.getAttribute('state')).toBe('stale');
    const state = parts(el, 'state')[0] as HTMLElement;
    expect(state.textContent).toBe(
      'not updating · last update 5 min ago: WHMCS did not answer in time; it will be retried.',
    );
    expect(state.title).toBe('WHMCS did not answer in time; it will be retried.');
    expect(shownCounts(el)).toEqual(['4 awaiting reply', '12 active', '1 flagged']);
  });

  it('fires load and change events (bubbling, composed) and announces only real changes', () => {
    const el = element();
    const events: string[] = [];
    const changes: unknown[] = [];
    document.addEventListener('ticket-counts:load', () => events.push('load'));
    document.addEventListener('ticket-counts:change', (event) => {
      expect(event.bubbles && event.composed).toBe(true);
      events.push('change');
      changes.push(event.detail.changes);
    });
    const live = el.shadowRoot?.querySelector('[aria-live=polite]') as HTMLElement;

    const first = samplePayload();
    el.data = first;
    expect(events).toEqual(['load']);
    expect(live.textContent).toBe('');

    // The same counts again (a routine poll): no new load.
    el.data = { ...first };
    expect(events).toEqual(['load']);
    expect(live.textContent).toBe('');

    el.data = samplePayload({ awaitingReply: 6 });
    expect(events).toEqual(['load', 'load', 'change']);
    expect(changes[0]).toEqual([
      expect.objectContaining({ field: 'awaitingReply', from: 4, to: 6 }),
    ]);
    expect(live.textContent).toBe('awaiting reply: 6 (was 4).');

    // A status that was not there before, with an encoded title; and a total switched off.
    const status = { ...samplePayload().status, new: { title: 'Waiting &amp; Seeing', count: 2 } };
    el.show = 'awaiting,statuses';
    el.data = samplePayload({ awaitingReply: null, status });
    expect(live.textContent).toBe('awaiting reply: disabled (was 6). Waiting & Seeing: 2.');
  });

  it('sees a change in an object the page updates in place and sets again', () => {
    const el = element('<ticket-counts></ticket-counts>');
    const changes: unknown[] = [];
    el.addEventListener('ticket-counts:change', (event) => changes.push(event.detail.changes));
    // A page that keeps one object and bumps its counts: each assignment is new counts.
    const counts = samplePayload();
    el.data = counts;
    counts.awaitingReply = 9;
    el.data = counts;
    expect(changes).toEqual([
      [expect.objectContaining({ field: 'awaitingReply', from: 4, to: 9 })],
    ]);
    expect(el.shadowRoot?.querySelector('[aria-live=polite]')?.textContent).toBe(
      'awaiting reply: 9 (was 4).',
    );
  });

  it('says so when src is not a URL, instead of throwing', () => {
    const errors: string[] = [];
    document.addEventListener('ticket-counts:error', (event) => errors.push(event.detail.message));
    const el = element('<ticket-counts src="http://"></ticket-counts>');
    expect(el.state).toBe('error');
    expect(errors).toEqual([
      "The src attribute is not a URL; set it to the relay's /ticket-counts URL.",
    ]);
  });

  it('forgets counts from the old src when src changes while disconnected', () => {
    const el = element(
      '<ticket-counts src="http://127.0.0.1:9/ticket-counts" refresh="600"></ticket-counts>',
    );
    el.data = samplePayload();
    el.remove();
    el.src = 'http://127.0.0.1:9/other/ticket-counts';
    expect(el.data).toBeNull();
  });

  it('rejects data that is not ticket counts', () => {
    const el = element();
    expect(() => {
      el.data = { allActive: 'x' } as never;
    }).toThrow('not ticket counts');
  });

  it('rejects NaN, Infinity, BigInt and counts past the safe integers, never showing them', () => {
    const el = element();
    // NaN and Infinity would survive a JSON copy as null: "counts disabled on this server".
    for (const count of [Number.NaN, Number.POSITIVE_INFINITY, 10n, 2 ** 53, 1e21]) {
      expect(() => {
        el.data = samplePayload({ allActive: count as never });
      }).toThrow(InvalidPayloadError);
      expect(() => {
        el.data = samplePayload({ status: { open: { title: 'Open', count: count as never } } });
      }).toThrow(InvalidPayloadError);
    }
    expect(el.data).toBeNull();
    expect(el.state).toBe('loading');
  });

  it('has no accessibility violations in light or dark, with links and statuses', async () => {
    const page = mount(
      `<main><h1>Support</h1>
        <ticket-counts label="Support" show="awaiting,active,flagged,statuses" admin-url="https://billing.example.com/"></ticket-counts>
        <ticket-counts></ticket-counts>
        <ticket-counts><script type="application/json">nope</script></ticket-counts></main>`,
    );
    const [el, stale, failed] = [
      ...page.querySelectorAll('ticket-counts'),
    ] as TicketCountsElement[];
    if (!el || !stale || !failed) throw new Error('not mounted');
    el.data = samplePayload({ flaggedTickets: null });
    stale.data = samplePayload({ stale: true });
    expect([el.state, stale.state, failed.state]).toEqual(['ok', 'stale', 'error']);
    // A page that supports both schemes says so; the element then follows the user's preference.
    document.documentElement.style.colorScheme = 'light dark';
    document.body.style.cssText = 'background: Canvas; color: CanvasText';
    const badge = parts(el, 'value')[0] as HTMLElement;
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await commands.colorScheme(scheme);
        expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(scheme === 'dark');
        expect(getComputedStyle(badge).backgroundColor).toBe(
          scheme === 'dark' ? 'rgb(68, 147, 248)' : 'rgb(9, 105, 218)',
        );
        const results = await axe.run(document.body);
        expect(
          results.violations.map(
            (v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`,
          ),
        ).toEqual([]);
      }
    } finally {
      await commands.colorScheme('light');
      document.documentElement.style.colorScheme = '';
      document.body.style.cssText = '';
    }
  });

  it('stays light on a light-only page even when the user prefers dark', async () => {
    const el = element();
    el.data = samplePayload();
    try {
      await commands.colorScheme('dark');
      expect(getComputedStyle(parts(el, 'value')[0] as HTMLElement).backgroundColor).toBe(
        'rgb(9, 105, 218)',
      );
      expect(getComputedStyle(el).color).toBe('rgb(31, 35, 40)');
    } finally {
      await commands.colorScheme('light');
    }
  });

  it('fires exactly the events its hand-kept description lists', () => {
    const fired = new Set<string>();
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      if (this instanceof TicketCountsElement) fired.add(event.type);
      return dispatch.call(this, event);
    };
    try {
      const el = element();
      el.data = samplePayload();
      el.data = samplePayload({ awaitingReply: 9 }); // load, change
      element('<ticket-counts><script type="application/json">{</script></ticket-counts>'); // error
    } finally {
      EventTarget.prototype.dispatchEvent = dispatch;
    }
    expect([...fired].sort()).toEqual(description.events.map((e) => e.name).sort());
  });

  it('matches its hand-kept description (the source of custom-elements.json)', () => {
    expect(TicketCountsElement.observedAttributes).toEqual(
      description.attributes.map((a) => a.name),
    );
    const el = element(
      '<ticket-counts label="x" show="awaiting,statuses" admin-url="https://a.example/"></ticket-counts>',
    );
    el.data = samplePayload({ awaitingReply: null });
    el.data = samplePayload({ stale: true });
    const used = new Set(
      [...(el.shadowRoot?.querySelectorAll('[part]') ?? [])].flatMap(
        (n) => n.getAttribute('part')?.split(' ') ?? [],
      ),
    );
    for (const part of description.parts) expect(used, part.name).toContain(part.name);
    for (const attribute of description.attributes) {
      expect(
        Object.getOwnPropertyDescriptor(TicketCountsElement.prototype, attribute.field)?.set,
      ).toBeTypeOf('function');
    }
  });
});

describe('<ticket-counts> stale marker', () => {
  it('keeps counting the age while nothing new arrives', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] });
    try {
      const el = element();
      el.data = samplePayload({ stale: true, fetchedAt: new Date().toISOString() });
      expect(parts(el, 'state')[0]?.firstChild?.textContent).toBe(
        'not updating · last update just now',
      );
      vi.advanceTimersByTime(3 * 60_000);
      expect(parts(el, 'state')[0]?.firstChild?.textContent).toBe(
        'not updating · last update 3 min ago',
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('<ticket-counts> as page authors meet it', () => {
  it('picks up properties set before the element was defined', () => {
    const { tag, define } = defineLater(TicketCountsElement);
    const el = mount(`<main><${tag}>fallback</${tag}></main>`).querySelector(tag) as HTMLElement &
      Partial<TicketCountsElement>;
    el.data = samplePayload();
    el.label = 'Support';
    el.show = 'flagged';
    define();
    expect(Object.hasOwn(el, 'data')).toBe(false);
    expect(el.getAttribute('label')).toBe('Support');
    expect(shownCounts(el as TicketCountsElement)).toEqual(['1 flagged']);
    el.show = 'active';
    expect(shownCounts(el as TicketCountsElement)).toEqual(['12 active']);
  });

  it('shows an error, without throwing from the upgrade, when data set before the definition is bad', () => {
    const { tag, define } = defineLater(TicketCountsElement);
    const el = mount(`<main><${tag} label="Support">fallback</${tag}></main>`).querySelector(
      tag,
    ) as HTMLElement & Partial<TicketCountsElement>;
    el.data = { allActive: Number.NaN } as never;
    el.show = 'flagged';
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      uncaught.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      define();
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(uncaught).toEqual([]);
    expect(el.state).toBe('error');
    expect(parts(el, 'state')[0]?.textContent).toBe(new InvalidPayloadError().message);
    // The element still works: good data shows.
    el.data = samplePayload();
    expect(shownCounts(el as TicketCountsElement)).toEqual(['1 flagged']);
  });

  it('removes the attribute when a string property is set to null or undefined', () => {
    const el = element(
      '<ticket-counts label="Support" admin-url="https://b.example/"></ticket-counts>',
    );
    el.data = samplePayload();
    el.label = null as never;
    el.adminUrl = undefined as never;
    expect(el.hasAttribute('label')).toBe(false);
    expect(el.hasAttribute('admin-url')).toBe(false);
    expect(parts(el, 'caption')[0]?.hidden).toBe(true);
    expect(parts(el, 'link')).toHaveLength(0);
  });

  it('says plainly that data are not ticket counts, without blaming a relay', () => {
    const el = element(
      '<ticket-counts>Needs JavaScript<script type="application/json">{"allActive":</script></ticket-counts>',
    );
    const message = parts(el, 'state')[0]?.textContent ?? '';
    expect(message).toMatch(/^These are not ticket counts/);
    expect(message).not.toMatch(/relay|src/);
    // The author's fallback is for browsers without the element, not next to its error.
    expect(el.shadowRoot?.querySelector('slot')?.hidden).toBe(true);
    for (const bad of [
      {},
      { allActive: -3, awaitingReply: 1.5, flaggedTickets: 0, filteredDepartments: [] },
      { ...samplePayload(), status: [] },
    ]) {
      expect(() => {
        el.data = bad as never;
      }).toThrow(/^These are not ticket counts/);
    }
    el.data = undefined as never;
    expect(el.state).toBe('loading');
  });

  it('treats show="," like an empty show, and lists get an accessible name', () => {
    const el = element('<ticket-counts show=","></ticket-counts>');
    el.data = samplePayload();
    expect(shownCounts(el)).toEqual(['4 awaiting reply', '12 active', '1 flagged']);
    const list = el.shadowRoot?.querySelector('ul') as HTMLElement;
    expect(list.getAttribute('aria-label')).toBe('Ticket counts');
    el.label = 'Support';
    expect(list.getAttribute('aria-label')).toBe('Support');
  });

  it('names a disabled count for screen readers, not "— flagged"', () => {
    const el = element('<ticket-counts admin-url="https://b.example/"></ticket-counts>');
    el.data = samplePayload({ flaggedTickets: null });
    expect(parts(el, 'link')[2]?.getAttribute('aria-label')).toBe(
      'flagged: counts disabled on this server',
    );
  });

  it('gives the stale reason as text, not only as a tooltip', () => {
    const el = element();
    el.data = samplePayload({
      stale: true,
      error: { kind: 'timeout', message: 'WHMCS did not answer in time; it will be retried.' },
    });
    expect(parts(el, 'state')[0]?.textContent).toContain(
      'WHMCS did not answer in time; it will be retried.',
    );
  });

  it('fires load only when the counts or their time changed', () => {
    const el = element();
    let loads = 0;
    el.addEventListener('ticket-counts:load', () => {
      loads += 1;
    });
    const payload = samplePayload();
    el.data = payload;
    el.data = { ...payload };
    expect(loads).toBe(1);
    el.data = { ...payload, fetchedAt: new Date(Date.now() + 60_000).toISOString() };
    expect(loads).toBe(2);
  });

  it('keeps keyboard focus on the same count when the same or new counts arrive', () => {
    const el = element('<ticket-counts admin-url="https://billing.example.com/"></ticket-counts>');
    el.data = samplePayload();
    const link = parts(el, 'link')[1] as HTMLElement;
    link.focus();
    // The same counts again (a routine poll) rebuild nothing.
    el.data = samplePayload();
    expect(el.shadowRoot?.activeElement).toBe(link);
    // New counts: focus stays on the same count's link, not lost to the page.
    el.data = samplePayload({ allActive: 13 });
    expect(el.shadowRoot?.activeElement?.textContent).toBe('13active');
    expect(document.activeElement).toBe(el);
    // Also when a count before it goes away (hide-zero): still "active", not its new neighbour.
    el.hideZero = true;
    el.data = samplePayload({ allActive: 14, awaitingReply: 0 });
    expect(el.shadowRoot?.activeElement?.textContent).toBe('14active');
  });

  it('mirrors its pills in right-to-left pages: the badge sits as snug at the start as in ltr', () => {
    const insets = (dir: string) => {
      const el = element(
        `<ticket-counts dir="${dir}" admin-url="https://b.example/"></ticket-counts>`,
      );
      el.data = samplePayload();
      const pill = (parts(el, 'link')[0] as HTMLElement).getBoundingClientRect();
      const badge = (parts(el, 'value')[0] as HTMLElement).getBoundingClientRect();
      const label = (parts(el, 'label')[0] as HTMLElement).getBoundingClientRect();
      return dir === 'rtl'
        ? [pill.right - badge.right, label.left - pill.left]
        : [badge.left - pill.left, pill.right - label.right];
    };
    expect(insets('rtl')).toEqual(insets('ltr'));
  });

  it('tells screen readers once when counts stop updating, not at each tick or reload', () => {
    const el = element();
    const live = el.shadowRoot?.querySelector('[aria-live=polite]') as HTMLElement;
    el.data = samplePayload();
    expect(live.textContent).toBe('');
    const error = { kind: 'timeout', message: 'WHMCS did not answer in time; it will be retried.' };
    el.data = samplePayload({ stale: true, error });
    // A status message (WCAG 4.1.3): sighted users see the marker appear, so it is announced.
    expect(live.textContent).toBe(
      'not updating · last update just now: WHMCS did not answer in time; it will be retried.',
    );
    live.textContent = '';
    el.data = samplePayload({ stale: true, error, fetchedAt: new Date(0).toISOString() });
    expect(live.textContent).toBe('');
    el.data = samplePayload();
    expect(live.textContent).toBe('');
  });

  it('is hidden by the hidden attribute, like any element', () => {
    const el = element('<ticket-counts hidden></ticket-counts>');
    el.data = samplePayload();
    expect(getComputedStyle(el).display).toBe('none');
    el.hidden = false;
    expect(getComputedStyle(el).display).toBe('inline-block');
  });

  it('wraps long words in labels instead of overflowing', () => {
    const el = element('<ticket-counts show="statuses" style="width:200px"></ticket-counts>');
    el.data = samplePayload({ status: { a: { title: 'x'.repeat(34), count: 1 } } });
    const label = parts(el, 'label')[0] as HTMLElement;
    expect(getComputedStyle(label).overflowWrap).toBe('anywhere');
    expect(label.getBoundingClientRect().right).toBeLessThanOrEqual(
      el.getBoundingClientRect().right,
    );
  });
});
