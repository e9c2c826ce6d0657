// Renders docs/screenshot.png for the README: the built element with sample counts, light next to
// dark, in Debian's Chromium (CHROMIUM_PATH overrides). Run `pnpm build` first.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright';

const bundle = await readFile(new URL('../dist/ticket-counts.js', import.meta.url), 'utf8');
const output = new URL('../docs/screenshot.png', import.meta.url);

const counts = {
  filteredDepartments: [1, 2],
  allActive: 12,
  awaitingReply: 4,
  flaggedTickets: 1,
  status: {
    open: { title: 'Open', count: 3 },
    customerreply: { title: 'Customer-Reply', count: 1 },
    onhold: { title: 'On Hold', count: 2 },
    billingampsales: { title: 'Billing &amp; Sales', count: 2 },
  },
  fetchedAt: new Date().toISOString(),
  stale: false,
};
const stale = {
  ...counts,
  stale: true,
  fetchedAt: new Date(Date.now() - 7 * 60_000).toISOString(),
};
const disabled = {
  ...counts,
  allActive: null,
  awaitingReply: null,
  flaggedTickets: null,
  status: undefined,
};
const inline = (data) => `<script type="application/json">${JSON.stringify(data)}</script>`;

const board = `<!doctype html>
<html style="color-scheme: light dark"><head><style>
  body { margin: 0; background: Canvas; color: CanvasText; font: 13px system-ui, sans-serif; }
  #board { display: grid; gap: 8px; padding: 12px; width: max-content; }
</style></head><body><div id="board">
  <ticket-counts label="Support" admin-url="https://billing.example.com/">${inline(counts)}</ticket-counts>
  <ticket-counts show="open,customer-reply,billing &amp; sales" hide-zero>${inline(counts)}</ticket-counts>
  <ticket-counts>${inline(stale)}</ticket-counts>
  <div><ticket-counts>${inline(disabled)}</ticket-counts> <ticket-counts compact>${inline(counts)}</ticket-counts></div>
</div><script type="module">${bundle}</script></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1200, height: 400 },
    deviceScaleFactor: 1,
  });
  // The page loads nothing from the network: everything is inline.
  await page.route('**/*', (route) => route.abort());
  const shots = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.setContent(board);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('ticket-counts')].every(
          (el) => el.getAttribute('state') !== 'loading',
        ),
      undefined,
      { timeout: 10_000 },
    );
    shots.push((await page.locator('#board').screenshot()).toString('base64'));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setContent(
    `<!doctype html><body style="margin:0;display:flex;align-items:flex-start;width:max-content">${shots.map((s) => `<img src="data:image/png;base64,${s}">`).join('')}</body>`,
  );
  const png = await page.locator('body').screenshot({ type: 'png' });
  await writeFile(output, png);
  console.log(`docs/screenshot.png written (${(png.length / 1024).toFixed(1)} KB)`);
  if (png.length > 100 * 1024) {
    console.error('The screenshot is over 100 KB; make the board smaller.');
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
