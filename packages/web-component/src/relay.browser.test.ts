import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { defineLater, mount, parts, shownCounts, until } from '../test/dom.js';
import { TicketCountsElement } from './define.js';
import { activeFeedCount, feedTimeouts } from './shared-feed.js';

// Real servers, started in globalSetup: WHMCS simulator → relay → a counting pass-through.
// The simulator holds 6 awaiting reply, 10 active, 1 flagged (test/sim-data.ts).
const relaySrc = inject('relaySrc');
const totals = ['6 awaiting reply', '10 active', '1 flagged'];

beforeEach(async () => {
  await commands.resetHealthy();
});

afterEach(async () => {
  document.body.replaceChildren();
  // Removal stops feeds a microtask later (a moved element keeps its feed).
  await Promise.resolve();
  expect(activeFeedCount()).toBe(0);
});

function element(attributes: string, fallback = ''): TicketCountsElement {
  return mount(`<ticket-counts ${attributes}>${fallback}</ticket-counts>`).querySelector(
    'ticket-counts',
  ) as TicketCountsElement;
}

const settled = (el: TicketCountsElement, state: string, timeoutMs = 10_000) =>
  until(() => el.state === state, timeoutMs, `state ${state} (is ${el.state})`);

/** No request may reach the relay for a while: waits out two poll periods and compares. */
async function expectQuietFor(ms: number): Promise<void> {
  const before = await commands.relayTally();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await commands.relayTally();
  expect(after).toEqual({ ...before, openStreams: after.openStreams });
  expect(after.openStreams).toBe(0);
}

describe('<ticket-counts> against the real relay', () => {
  it('renders the counts, statuses with titles as literal text, and links into WHMCS', async () => {
    const alerts = vi.fn();
    const original = window.alert;
    window.alert = alerts;
    try {
      const el = element(
        `src="${relaySrc}" show="awaiting,active,flagged,statuses" admin-url="https://billing.example.com/whmcs/"`,
        '<a href="/tickets">Tickets</a>',
      );
      await settled(el, 'ok');
      expect(shownCounts(el)).toEqual([
        ...totals,
        '3 Open',
        '2 Answered',
        '1 Customer-Reply',
        '4 Closed',
        '1 <img src=x onerror=alert(1)>',
        '1 <img src=x onerror=alert(2)>',
        '2 Billing & Sales',
      ]);
      expect(el.shadowRoot?.querySelector('img, script')).toBeNull();
      expect(el.shadowRoot?.innerHTML).not.toContain(inject('whmcsSecret'));
      const links = parts(el, 'link').map((a) => a.getAttribute('href'));
      const list = 'https://billing.example.com/whmcs/admin/supporttickets.php';
      expect(links.slice(0, 4)).toEqual([
        list,
        `${list}?view=active`,
        `${list}?view=flagged`,
        `${list}?view=Open`,
      ]);
      expect(links.at(-3)).toBe(`${list}?view=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
      expect(links.at(-1)).toBe(`${list}?view=Billing%20%26%20Sales`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(alerts).not.toHaveBeenCalled();
    } finally {
      window.alert = original;
    }
  });

  it('updates live over server-sent events when WHMCS changes, firing change and announcing it', async () => {
    const before = await commands.relayTally();
    const el = element(`src="${relaySrc}" refresh="live"`);
    await settled(el, 'ok');
    expect(shownCounts(el)).toEqual(totals);
    const changes: unknown[] = [];
    el.addEventListener('ticket-counts:change', (event) => changes.push(event.detail.changes));

    await commands.openTickets(2);
    await until(() => shownCounts(el)[0] === '8 awaiting reply', 10_000, 'the SSE update');
    expect(shownCounts(el)).toEqual(['8 awaiting reply', '12 active', '1 flagged']);
    expect(changes.at(-1)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'awaitingReply', from: 6, to: 8 }),
        expect.objectContaining({ field: 'allActive', from: 10, to: 12 }),
      ]),
    );
    const live = el.shadowRoot?.querySelector('[aria-live=polite]');
    expect(live?.textContent).toBe('awaiting reply: 8 (was 6). active: 12 (was 10).');

    const after = await commands.relayTally();
    expect(after.events - before.events).toBe(1);
    expect(after.json - before.json).toBe(0);
    expect(after.openStreams).toBe(1);
  });

  it('says a change once when two elements on the page share the feed', async () => {
    // The relay's own demo page: a light and a dark element on one live feed.
    const host = mount(
      `<ticket-counts src="${relaySrc}" refresh="live"></ticket-counts><ticket-counts src="${relaySrc}" refresh="live"></ticket-counts>`,
    );
    const elements = [...host.querySelectorAll('ticket-counts')];
    await until(() => elements.every((el) => el.state === 'ok'), 10_000, 'both to load');
    await commands.openTickets(2);
    await until(
      () => elements.every((el) => shownCounts(el)[0] === '8 awaiting reply'),
      10_000,
      'the SSE update',
    );
    const said = elements.map(
      (el) => el.shadowRoot?.querySelector('[aria-live=polite]')?.textContent ?? '',
    );
    expect(said.filter((text) => text !== '')).toEqual([
      'awaiting reply: 8 (was 6). active: 12 (was 10).',
    ]);
  });

  it('keeps keyboard focus on a count link across routine polls', async () => {
    const el = element(`src="${relaySrc}" refresh="1" admin-url="https://billing.example.com/"`);
    await settled(el, 'ok');
    const link = parts(el, 'link')[1] as HTMLElement;
    link.focus();
    const before = await commands.relayTally();
    await until(async () => (await commands.relayTally()).json >= before.json + 2, 10_000, 'polls');
    // Let the last answer reach the element.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(el.shadowRoot?.activeElement).toBe(link);
    expect(document.activeElement).toBe(el);
  });

  it('shows the last good counts as stale with their age when WHMCS fails, and recovers', async () => {
    const el = element(`src="${relaySrc}" refresh="1"`);
    await settled(el, 'ok');
    const lastGood = el.data?.fetchedAt;
    await commands.setFault({ kind: 'server-error', status: 503 });
    expect(await commands.refreshRelay()).toEqual({ stale: true, failed: true });

    await settled(el, 'stale');
    expect(el.getAttribute('state')).toBe('stale');
    expect(shownCounts(el)).toEqual(totals);
    const state = parts(el, 'state')[0] as HTMLElement;
    // Not "updated just now": that reads as if the failing refresh had worked.
    expect(state.firstChild?.textContent).toBe('not updating · last update just now');
    expect(state.title).toMatch(/^[A-Z].*\.$/); // the relay's one-sentence reason, as a tooltip
    expect(el.data?.error?.kind).toBeTruthy();
    // The relay dates stale counts by their last good answer, not by the failed attempt.
    expect(el.data?.fetchedAt).toBe(lastGood);
    // Said once as it began, for screen readers.
    const live = el.shadowRoot?.querySelector('[aria-live=polite]') as HTMLElement;
    expect(live.textContent).toMatch(/^not updating · last update just now: [A-Z]/);

    await commands.setFault(null);
    await commands.refreshRelay();
    await settled(el, 'ok');
    expect(state.hidden).toBe(true);
    // Recovered: the live region must not keep saying "not updating" to whoever reads it later.
    expect(live.textContent).toBe('');
  });

  it("shows the relay's error in one sentence when it has never had counts, without secrets", async () => {
    const errors: string[] = [];
    document.addEventListener('ticket-counts:error', (event) => errors.push(event.detail.message));
    const el = element(`src="${inject('brokenRelaySrc')}"`, 'Tickets');
    await settled(el, 'error');
    const message = parts(el, 'state')[0]?.textContent ?? '';
    expect(message).toMatch(/^[A-Z][^\n]*\.$/);
    expect(message).not.toContain(inject('whmcsSecret'));
    expect(errors[0]).toBe(message);
    // The author's fallback (for browsers without the element) is hidden next to the error.
    expect(el.shadowRoot?.querySelector('slot')?.hidden).toBe(true);
  });

  it('says when the relay cannot be reached and retries with backoff', async () => {
    const errors: string[] = [];
    const el = element(`src="${inject('unreachableSrc')}"`);
    el.addEventListener('ticket-counts:error', (event) => errors.push(event.detail.message));
    await settled(el, 'error');
    expect(parts(el, 'state')[0]?.textContent).toBe(
      'Could not reach the relay; check the src attribute, that the relay runs and that it allows this page.',
    );
    // Announced once, as it appeared; retries that fail the same way say nothing new.
    const live = el.shadowRoot?.querySelector('[aria-live=polite]') as HTMLElement;
    expect(live.textContent).toBe(errors[0]);
    live.textContent = '';
    // The first retry comes after about 2 s (1.6–2.4 s with jitter).
    await until(() => errors.length >= 2, 5_000, 'a retry');
    expect(live.textContent).toBe('');
  });

  it('in live mode, polls instead when the stream never opened, to learn why', async () => {
    // Nothing listening: the poll cannot reach it either.
    const gone = element(`src="${inject('unreachableSrc')}" refresh="live"`);
    await settled(gone, 'error');
    expect(parts(gone, 'state')[0]?.textContent).toBe(
      'Could not reach the relay; check the src attribute, that the relay runs and that it allows this page.',
    );
    gone.remove();
    // A relay that refuses the page for lack of a token (HTTP 401) says so in its JSON; a full
    // relay (HTTP 503 on the stream) serves the poll with counts the same way.
    const el = element(`src="${inject('tokenRelaySrc')}" refresh="live"`);
    await until(() => /token/.test(parts(el, 'state')[0]?.textContent ?? ''), 10_000, 'the reason');
    expect(parts(el, 'state')[0]?.textContent).toMatch(/^This relay needs its token;/);
  });

  it('in live mode, polls a relay at its viewer limit (HTTP 503) and shows its counts', async () => {
    const src = inject('singleViewerRelaySrc');
    const first = element(`src="${src}" refresh="live"`);
    await settled(first, 'ok');
    // Another query string is another feed, so a second stream: the relay refuses it.
    const second = element(`src="${src}?second" refresh="live"`);
    await settled(second, 'ok');
    expect(shownCounts(second)).toEqual(totals);
  });

  it('in live mode, goes back to the stream at the next poll once the relay serves it again', async () => {
    const { livePollMs } = feedTimeouts;
    feedTimeouts.livePollMs = 1_000;
    try {
      // A relay at its viewer limit, or one that was down when the page opened: the element polls.
      await commands.refuse({ streams: true, polls: false });
      const before = await commands.relayTally();
      const el = element(`src="${relaySrc}" refresh="live"`);
      await settled(el, 'ok');
      await until(
        async () => (await commands.relayTally()).json - before.json >= 2,
        5_000,
        'a second poll',
      );
      expect((await commands.relayTally()).openStreams).toBe(0);

      await commands.refuse({ streams: false, polls: false });
      await until(async () => (await commands.relayTally()).openStreams === 1, 5_000, 'a stream');
      // Live again: a change arrives over the stream, and polling has stopped.
      const { json } = await commands.relayTally();
      await commands.openTickets(2);
      await commands.refreshRelay();
      await until(() => shownCounts(el)[0] === '8 awaiting reply', 5_000, 'the change');
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await commands.relayTally()).json).toBe(json);
    } finally {
      feedTimeouts.livePollMs = livePollMs;
    }
  });

  it('in live mode, tries the stream again on each retry while the relay is down', async () => {
    // A page opened while the relay was down: neither the stream nor a poll gets through. The
    // live pace stays at its 60 s, so only the error retries can reach the stream here.
    await commands.refuse({ streams: true, polls: true });
    const before = await commands.relayTally();
    const el = element(`src="${relaySrc}" refresh="live"`);
    await settled(el, 'error');
    // (The 503 carries no CORS header, so to the page the relay is as good as down.)
    expect(parts(el, 'state')[0]?.textContent).toBe(
      'Could not reach the relay; check the src attribute, that the relay runs and that it allows this page.',
    );
    await commands.refuse({ streams: false, polls: false });
    await until(async () => (await commands.relayTally()).openStreams === 1, 15_000, 'a stream');
    await settled(el, 'ok');
    expect(shownCounts(el)).toEqual(totals);
    // Each retry tried the stream first and polled only after it was refused.
    const after = await commands.relayTally();
    expect(after.refused - before.refused).toBeGreaterThanOrEqual(2);
  });

  it('in live mode, says the stream was lost when an open stream drops, and reconnects', async () => {
    const el = element(`src="${relaySrc}" refresh="live"`);
    await settled(el, 'ok');
    const errors: string[] = [];
    el.addEventListener('ticket-counts:error', (event) => errors.push(event.detail.message));
    await commands.dropStreams();
    await until(() => errors.length > 0, 5_000, 'the drop to be noticed');
    expect(errors[0]).toBe('The live connection to the relay was lost; reconnecting.');
    expect(el.state).toBe('stale');
    expect(parts(el, 'state')[0]?.title).toBe(errors[0]);
    // Dated by the relay's last good answer, which came moments ago.
    expect(parts(el, 'state')[0]?.firstChild?.textContent).toBe(
      'not updating · last update just now',
    );
    // The first retry comes after about 2 s (1.6–2.4 s with jitter).
    await settled(el, 'ok');
    expect((await commands.relayTally()).openStreams).toBe(1);
  });

  it('in live mode, notices a stream that went silent (no heartbeats) and reconnects', async () => {
    const { requestMs } = feedTimeouts;
    // The relay here sends a heartbeat every 0.5 s: silence for 2 of them plus this is a death.
    feedTimeouts.requestMs = 1_000;
    try {
      const el = element(`src="${relaySrc}" refresh="live"`);
      await settled(el, 'ok');
      const errors: string[] = [];
      el.addEventListener('ticket-counts:error', (event) => errors.push(event.detail.message));
      const before = await commands.relayTally();
      await commands.freezeStreams();
      await until(() => errors.length > 0, 6_000, 'the silence to be noticed');
      expect(errors[0]).toBe('The live connection to the relay was lost; reconnecting.');
      expect(el.state).toBe('stale');
      await settled(el, 'ok');
      const after = await commands.relayTally();
      expect(after.events - before.events).toBe(1);
      expect(after.openStreams).toBe(1);
    } finally {
      feedTimeouts.requestMs = requestMs;
    }
  });

  describe('against a relay that accepts requests and never finishes answering', () => {
    // Shortened from 30 s for the test; the element reads it at each attempt.
    const { requestMs } = feedTimeouts;
    beforeEach(() => {
      feedTimeouts.requestMs = 1_000;
    });
    afterEach(() => {
      feedTimeouts.requestMs = requestMs;
    });
    const timedOut =
      'The relay did not answer in time; check that it runs and that the network to it works.';

    for (const [what, src] of [
      ['never sends headers', inject('hangingRelaySrc')],
      ['never ends its body', inject('drippingRelaySrc')],
    ] as const) {
      it(`gives up on a request that ${what}, says so, and retries with backoff`, async () => {
        const before = await commands.stallingTally();
        const errors: string[] = [];
        const el = element(`src="${src}"`, 'Tickets');
        el.addEventListener('ticket-counts:error', (event) => errors.push(event.detail.message));
        await settled(el, 'error', 5_000);
        expect(parts(el, 'state')[0]?.textContent).toBe(timedOut);
        // Abandoned, not left open: the retry after ~2 s is a new request.
        await until(() => errors.length >= 2, 6_000, 'a retry');
        const tally = await commands.stallingTally();
        expect(tally.requests - before.requests).toBeGreaterThanOrEqual(2);
        // The relay learns of an abort when the browser's close reaches it, which can trail the
        // element's error event by a moment (CI once saw 2 open here). A leaked request would stay
        // open for good, so waiting a little still fails on a leak.
        await until(
          async () => (await commands.stallingTally()).open <= 1,
          3_000,
          'the abandoned requests to be closed at the relay',
        );
      });
    }

    it('in live mode, treats a stream that opens but never delivers an event (a buffering proxy) as never opened, and polls', async () => {
      const el = element(`src="${inject('bufferingRelaySrc')}" refresh="live"`);
      await settled(el, 'ok', 5_000);
      expect(shownCounts(el)).toEqual(['2 awaiting reply', '3 active', '1 flagged']);
    });

    it('in live mode, treats a stream that never opens as failed and polls, which times out too', async () => {
      const el = element(`src="${inject('hangingRelaySrc')}" refresh="live"`);
      await settled(el, 'error', 5_000);
      expect(parts(el, 'state')[0]?.textContent).toBe(timedOut);
    });
  });

  it('starts over when src changes: from a failing relay to a working one', async () => {
    const el = element(`src="${inject('brokenRelaySrc')}"`);
    await settled(el, 'error');
    el.src = relaySrc;
    expect(el.state).toBe('loading');
    await settled(el, 'ok');
    expect(shownCounts(el)).toEqual(totals);
  });

  it('never lets the old src answer win when src changes while a request is in flight', async () => {
    const el = element(`src="${relaySrc}"`);
    const loads: unknown[] = [];
    el.addEventListener('ticket-counts:load', (event) => loads.push(event.detail.data));
    // The request to the working relay has started and not answered yet.
    el.src = inject('brokenRelaySrc');
    await settled(el, 'error');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(loads).toEqual([]);
    expect(el.state).toBe('error');

    // And a request that would never answer is abandoned, not left open.
    const before = await commands.stallingTally();
    el.src = inject('hangingRelaySrc');
    await until(async () => (await commands.stallingTally()).requests > before.requests);
    el.src = relaySrc;
    await settled(el, 'ok');
    await until(async () => (await commands.stallingTally()).open === before.open, 5_000, 'abort');
  });

  it('keeps its counts when only refresh changes: from live to a number and back', async () => {
    const el = element(`src="${relaySrc}" refresh="live"`, '<a href="/tickets">Tickets</a>');
    await settled(el, 'ok');
    const slot = el.shadowRoot?.querySelector('slot') as HTMLSlotElement;
    const changes: unknown[] = [];
    el.addEventListener('ticket-counts:change', (event) => changes.push(event.detail));
    for (const refresh of ['30', 'live']) {
      const before = await commands.relayTally();
      el.refresh = refresh;
      // Same relay, same counts: no flash of "loading" and of the fallback while the new feed starts.
      expect(el.state).toBe('ok');
      expect(slot.hidden).toBe(true);
      expect(shownCounts(el)).toEqual(totals);
      await until(async () => {
        const tally = await commands.relayTally();
        return tally.json + tally.events > before.json + before.events;
      });
      await settled(el, 'ok');
    }
    expect(changes).toEqual([]);
  });

  it('stops all polling when removed, and resumes when put back', async () => {
    const el = element(`src="${relaySrc}" refresh="1"`);
    const start = await commands.relayTally();
    await until(
      async () => (await commands.relayTally()).json - start.json >= 2,
      5_000,
      'two polls',
    );
    const host = el.parentElement as HTMLElement;
    el.remove();
    await Promise.resolve();
    expect(activeFeedCount()).toBe(0);
    await expectQuietFor(2_500);

    const beforeReturn = await commands.relayTally();
    host.append(el);
    await until(
      async () => (await commands.relayTally()).json > beforeReturn.json,
      5_000,
      'a poll after return',
    );
  });

  it('closes its event stream when removed and does not reconnect', async () => {
    const el = element(`src="${relaySrc}" refresh="live"`);
    await settled(el, 'ok');
    expect((await commands.relayTally()).openStreams).toBe(1);
    el.remove();
    await until(
      async () => (await commands.relayTally()).openStreams === 0,
      5_000,
      'the stream to close',
    );
    await expectQuietFor(2_500);
  });

  it('shares one request among elements with the same src', async () => {
    const before = await commands.relayTally();
    const host = mount(
      `<ticket-counts src="${relaySrc}"></ticket-counts><ticket-counts src="${relaySrc}" show="flagged"></ticket-counts><ticket-counts src="${relaySrc}" compact></ticket-counts>`,
    );
    const elements = [...host.querySelectorAll('ticket-counts')];
    await until(() => elements.every((el) => el.state === 'ok'), 10_000, 'all three to load');
    expect(shownCounts(elements[1] as TicketCountsElement)).toEqual(['1 flagged']);
    expect((await commands.relayTally()).json - before.json).toBe(1);

    // Live viewers share one stream the same way.
    const live = mount(
      `<ticket-counts src="${relaySrc}" refresh="live"></ticket-counts><ticket-counts src="${relaySrc}" refresh="live"></ticket-counts>`,
    );
    await until(() => [...live.querySelectorAll('ticket-counts')].every((el) => el.state === 'ok'));
    const tally = await commands.relayTally();
    expect(tally.events - before.events).toBe(1);
    expect(tally.openStreams).toBe(1);
  });

  it('sends one request per page load, also when upgraded late or moved', async () => {
    const fetches = vi.spyOn(window, 'fetch');
    try {
      const before = await commands.relayTally();
      const { tag, define } = defineLater(TicketCountsElement);
      const el = mount(`<${tag} src="${relaySrc}" refresh="30"></${tag}>`).querySelector(
        tag,
      ) as TicketCountsElement;
      define();
      await settled(el, 'ok');
      document.body.append(el);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fetches).toHaveBeenCalledTimes(1);
      expect((await commands.relayTally()).json - before.json).toBe(1);
    } finally {
      fetches.mockRestore();
    }
  });

  it('polls at most daily, however long the refresh: timers wrap past 2^31 ms', async () => {
    // 2,147,484 s is just over 2^31 ms, and 1e300 far over: a browser would fire such a timer
    // at once, again and again (hundreds of requests a second were seen), not never.
    const fetches = vi.spyOn(window, 'fetch');
    try {
      const host = mount(
        `<ticket-counts src="${relaySrc}" refresh="2147484"></ticket-counts><ticket-counts src="${relaySrc}" refresh="1e300"></ticket-counts>`,
      );
      const elements = [...host.querySelectorAll('ticket-counts')];
      await until(() => elements.every((el) => el.state === 'ok'), 10_000, 'both to load');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Both mean "daily", so they share one feed.
      expect(fetches).toHaveBeenCalledTimes(1);
    } finally {
      fetches.mockRestore();
    }
  });

  it('opens one event stream per page load', async () => {
    const Original = window.EventSource;
    let opened = 0;
    window.EventSource = class extends Original {
      constructor(...args: ConstructorParameters<typeof EventSource>) {
        super(...args);
        opened += 1;
      }
    };
    try {
      const { tag, define } = defineLater(TicketCountsElement);
      const host = mount(`<${tag} src="${relaySrc}" refresh="live"></${tag}>`.repeat(2));
      define();
      const elements = [...host.querySelectorAll(tag)] as TicketCountsElement[];
      await until(() => elements.every((el) => el.state === 'ok'), 10_000, 'both to load');
      expect(opened).toBe(1);
    } finally {
      window.EventSource = Original;
    }
  });

  describe('while the page is hidden', () => {
    // Mocked: a headless browser never hides its page, so document.hidden is overridden here.
    let hidden = false;
    const setHidden = (value: boolean) => {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    beforeEach(() => {
      hidden = false;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    });
    afterEach(() => {
      delete (document as { hidden?: boolean }).hidden;
    });

    it('makes no requests', async () => {
      const el = element(`src="${relaySrc}" refresh="1"`);
      await settled(el, 'ok');
      setHidden(true);
      await expectQuietFor(2_500);
    });

    it('closes a live stream and reopens it when visible again', async () => {
      const el = element(`src="${relaySrc}" refresh="live"`);
      await settled(el, 'ok');
      setHidden(true);
      await until(
        async () => (await commands.relayTally()).openStreams === 0,
        5_000,
        'the stream to close',
      );
      setHidden(false);
      await until(
        async () => (await commands.relayTally()).openStreams === 1,
        5_000,
        'the stream to reopen',
      );
    });

    it('refreshes as soon as the page is visible again, long before the next poll', async () => {
      const el = element(`src="${relaySrc}" refresh="600"`);
      await settled(el, 'ok');
      setHidden(true);
      const before = await commands.relayTally();
      setHidden(false);
      await until(
        async () => (await commands.relayTally()).json > before.json,
        5_000,
        'a refresh on return',
      );
    });
  });
});
