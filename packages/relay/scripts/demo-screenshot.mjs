// Screenshot of the demo page with the real <ticket-counts> bundle, for the README:
//   node scripts/demo-screenshot.mjs [bundle path] [output png]
// The bundle comes from the web component's build (the relay does not depend on it). Everything
// runs on 127.0.0.1: the simulator, the relay, and Debian's Chromium.
import { createTicketCountsClient } from '@whmcs-ticket-counts/core';
import { SAMPLE_CREDENTIALS, startWhmcsSimulator } from '@whmcs-ticket-counts/whmcs-sim';
import { chromium } from 'playwright-core';
import { startRelay } from '../dist/index.js';

const bundle =
  process.argv[2] ?? new URL('../../web-component/dist/ticket-counts.js', import.meta.url).pathname;
const output = process.argv[3] ?? new URL('../docs/demo-page.png', import.meta.url).pathname;

const sim = await startWhmcsSimulator();
const client = createTicketCountsClient({
  connection: {
    url: sim.baseUrl,
    auth: {
      kind: 'api-credential',
      identifier: SAMPLE_CREDENTIALS.identifier,
      secret: SAMPLE_CREDENTIALS.secret,
    },
  },
});
const relay = await startRelay({
  port: 0,
  elementScript: { path: bundle },
  demoAdminUrl: sim.baseUrl,
  load: (signal) => client.getTicketCounts({ includeCountsByStatus: true }, { signal }),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  const page = await browser.newPage({ viewport: { width: 900, height: 330 } });
  await page.goto(`${relay.url}/`);
  // Wait on DOM state: both elements show their counts.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('ticket-counts')].every((el) =>
        /awaiting reply/.test(el.shadowRoot?.textContent ?? ''),
      ),
    undefined,
    { timeout: 10_000 },
  );
  await page.screenshot({ path: output, fullPage: true });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await relay.close();
  await sim.close();
}
