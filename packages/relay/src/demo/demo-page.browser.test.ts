/// <reference lib="dom" />
// The page.evaluate callbacks run in Chromium, so they are typed against the DOM.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RelayPayload } from '../payload/relay-payload.js';
import { type RelayHarness, startRelayHarness } from '../test-support/relay-harness.js';
import { STAND_IN_ELEMENT_SCRIPT } from '../test-support/stand-in-element.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TOKEN = 'browser-TOKEN-3xK8pQ2w';

let browser: Browser;
let harness: RelayHarness | undefined;
const servers: Server[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}, 40_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** A page on another origin (another port) that tries to read the relay. */
async function startForeignSite(html: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the demo page in Chromium', () => {
  it('loads the element under its CSP, in a light and a dark panel, and updates live', async () => {
    harness = await startRelayHarness({
      relay: { ttlSeconds: 0.3, elementScript: { source: STAND_IN_ELEMENT_SCRIPT } },
    });
    const h = harness;
    const page = await newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${h.relay.url}/`);
    const first = JSON.parse((await h.get('/ticket-counts')).body) as RelayPayload;
    const values = page.locator('ticket-counts >> span[part=value]');
    await expect
      .poll(() => values.allTextContents())
      .toEqual([`awaiting ${first.awaitingReply}`, `awaiting ${first.awaitingReply}`]);
    // The shadow root's <style> applied: inline styles are allowed, scripts only from the relay.
    expect(await values.first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(1, 2, 3)');
    const backgrounds = await page
      .locator('section.panel')
      .evaluateAll((panels) => panels.map((p) => getComputedStyle(p).backgroundColor));
    expect(backgrounds).toEqual(['rgb(255, 255, 255)', 'rgb(22, 27, 34)']);

    h.sim.data.tickets.push({ id: 9100, departmentId: 2, status: 'Customer-Reply' });
    await expect
      .poll(() => values.allTextContents(), { timeout: 5_000 })
      .toEqual([
        `awaiting ${(first.awaitingReply ?? 0) + 1}`,
        `awaiting ${(first.awaitingReply ?? 0) + 1}`,
      ]);

    // An inline script would be refused: prove the CSP is live, then that nothing else was.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
    });
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      )
      .toEqual([expect.stringMatching(/^script-src/)]);
    expect(
      await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline),
    ).toBeUndefined();
    expect(consoleErrors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await page.context().close();
  }, 30_000);
});

describe('cross-origin pages in Chromium', () => {
  it('let an allowed origin read with the token (fetch and EventSource) and block any other', async () => {
    const page = await newPage();
    const probe = `<!doctype html><title>probe</title>`;
    const allowedOrigin = await startForeignSite(probe);
    const otherOrigin = await startForeignSite(probe);
    harness = await startRelayHarness({ relay: { allowOrigins: [allowedOrigin], token: TOKEN } });
    const relayUrl = harness.relay.url;

    await page.goto(`${allowedOrigin}/`);
    const allowed = await page.evaluate(
      async ({ relayUrl, token }) => {
        const response = await fetch(`${relayUrl}/ticket-counts`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const live = await new Promise<string>((resolve, reject) => {
          const source = new EventSource(`${relayUrl}/ticket-counts/events?token=${token}`);
          source.addEventListener('counts', (e) => {
            source.close();
            resolve((e as MessageEvent).data);
          });
          source.onerror = () => reject(new Error('EventSource failed'));
        });
        return {
          status: response.status,
          body: (await response.json()) as { filteredDepartments: number[]; awaitingReply: number },
          live: JSON.parse(live) as { awaitingReply: number },
        };
      },
      { relayUrl, token: TOKEN },
    );
    expect(allowed.status).toBe(200);
    expect(allowed.body.filteredDepartments).toEqual([1, 2]);
    expect(allowed.live.awaitingReply).toBe(allowed.body.awaitingReply);

    await page.goto(`${otherOrigin}/`);
    const refused = await page.evaluate(
      async ({ relayUrl, token }) => {
        try {
          await fetch(`${relayUrl}/ticket-counts`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          return 'read';
        } catch (error) {
          return (error as Error).name;
        }
      },
      { relayUrl, token: TOKEN },
    );
    expect(refused).toBe('TypeError');
    await page.context().close();
  }, 30_000);

  it('let a page from an origin not allowed load the element, which then says it cannot read', async () => {
    harness = await startRelayHarness({
      relay: { allowOrigins: [], elementScript: { source: STAND_IN_ELEMENT_SCRIPT } },
    });
    const relayUrl = harness.relay.url;
    const foreignOrigin = await startForeignSite(
      `<!doctype html><title>embed</title><script type="module" src="${relayUrl}/ticket-counts.js"></script><ticket-counts src="${relayUrl}/ticket-counts"></ticket-counts>`,
    );
    const page = await newPage();
    await page.goto(`${foreignOrigin}/`);
    // The script is public; the counts stay refused, and the relay logs that refusal.
    await expect
      .poll(() => page.locator('ticket-counts >> span[part=value]').allTextContents())
      .toEqual(['unreachable']);
    expect(harness.upstreamRequests()).toBe(0);
    expect(harness.logLines.filter((line) => line.includes('refused'))).toEqual([
      `request refused: the origin ${foreignOrigin} is not among the allowed origins; add it there if its pages should read the counts.`,
    ]);
    await page.context().close();
  }, 30_000);
});
