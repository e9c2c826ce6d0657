import { afterEach, expect, inject, it } from 'vitest';
import { mount, shownCounts, until } from '../test/dom.js';
import type { TicketCountsElement } from './ticket-counts-element.js';

// Only the built bundle runs in this file, loaded the way a page loads it.
afterEach(() => {
  document.body.replaceChildren();
});

async function loadBundle(): Promise<void> {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = '/dist/ticket-counts.js';
  document.head.append(script);
  await Promise.race([
    customElements.whenDefined('ticket-counts'),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('the bundle did not define <ticket-counts>')), 5_000),
    ),
  ]);
}

it('defines <ticket-counts> from one <script type="module">, also when loaded twice', async () => {
  await loadBundle();
  const errors: string[] = [];
  window.addEventListener('error', (event) => errors.push(event.message));
  // A second copy (another widget on the page) must not throw "already defined".
  const again = document.createElement('script');
  again.type = 'module';
  again.src = '/dist/ticket-counts.js?copy=2';
  const loaded = new Promise((resolve) => again.addEventListener('load', resolve));
  document.head.append(again);
  await loaded;
  expect(errors).toEqual([]);
});

it('shows live counts from the real relay', async () => {
  await loadBundle();
  const el = mount(
    `<ticket-counts src="${inject('relaySrc')}" refresh="live">Tickets</ticket-counts>`,
  ).querySelector('ticket-counts') as TicketCountsElement;
  await until(() => el.getAttribute('state') === 'ok', 10_000, 'counts');
  expect(shownCounts(el)).toEqual(['6 awaiting reply', '10 active', '1 flagged']);
});

it('reads inline JSON also when the parser meets the element after it is defined', async () => {
  // document.write into an iframe: the tag is defined first, so the parser upgrades each element
  // as soon as it opens, before its <script type="application/json"> child exists.
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const doc = frame.contentDocument as Document;
  const win = frame.contentWindow as Window & typeof globalThis;
  doc.open();
  doc.write('<!doctype html><script type="module" src="/dist/ticket-counts.js"></script>');
  doc.close();
  await until(() => win.customElements.get('ticket-counts'), 5_000, 'the bundle in the frame');
  doc.open();
  doc.write(
    '<ticket-counts><script type="application/json">{"filteredDepartments":[],"allActive":5,"awaitingReply":2,"flaggedTickets":0}</script></ticket-counts>',
  );
  doc.close();
  const el = doc.querySelector('ticket-counts') as TicketCountsElement;
  await until(() => el.getAttribute('state') === 'ok', 5_000, 'inline counts');
  expect(shownCounts(el)).toEqual(['2 awaiting reply', '5 active', '0 flagged']);
});
