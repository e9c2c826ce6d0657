/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTicketCountsClient,
  decodeHtmlEntities,
  type TicketCounts,
} from '@whmcs-ticket-counts/core';
import {
  SAMPLE_CREDENTIALS,
  startWhmcsSimulator,
  type WhmcsSimulator,
} from '@whmcs-ticket-counts/whmcs-sim';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CodeServer, startCodeServer } from './code-server.js';
import { answerQuickInput, runCommand, statusBarItem, TIMEOUT } from './workbench.js';

/**
 * The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven through Debian's
 * Chromium, against the WHMCS simulator over real HTTP on 127.0.0.1. Nothing is mocked.
 */

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const vsix = join(packageDir, 'whmcs-ticket-counts-vscode.vsix');
// Every run takes the screenshots (they prove the UI rendered); only `pnpm screenshots` replaces the
// committed ones in docs/, so a test run leaves the work tree clean.
const docsDir = join(
  packageDir,
  process.env.UPDATE_SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots',
);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PLAIN_HTTP_HOST = 'code-server.e2e.test';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A name for 127.0.0.1 that is not "localhost": a page there is no secure context, like
  // code-server served over plain http from another machine. Traffic stays on loopback.
  `--host-resolver-rules=MAP ${PLAIN_HTTP_HOST} 127.0.0.1`,
];
/** Seconds between automatic refreshes in this test (the env hook lowers the 30 s minimum). */
const INTERVAL_SECONDS = 3;

let home: string;
let sim: WhmcsSimulator;
let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;

/** The oracle: what GetTicketCounts answers right now, asked directly with core's client. */
async function simCounts(): Promise<TicketCounts> {
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
  return client.getTicketCounts({ includeCountsByStatus: true });
}

/** label → description of every row in the Ticket Counts view. */
async function treeRows(): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const rows: Record<string, string> = {};
    const view = document.querySelector('[id="workbench.view.extension.whmcsTicketCounts"]');
    for (const row of view?.querySelectorAll('.monaco-list-row') ?? []) {
      const name = row.querySelector('.label-name')?.textContent?.trim() ?? '';
      rows[name] = row.querySelector('.label-description')?.textContent?.trim() ?? '';
    }
    return rows;
  });
}

function server(): CodeServer {
  if (!codeServer) throw new Error('code-server did not start');
  return codeServer;
}

function statusBarText(): Promise<string> {
  return statusBarItem(page)
    .textContent()
    .then((text) => (text ?? '').trim());
}

/** The top of the sidebar, where the tree is (the rest is empty). */
async function screenshotSidebar(name: string): Promise<void> {
  // Away from the activity bar, whose hover would cover the tree.
  await page.mouse.move(900, 500);
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the sidebar is not visible');
  await page.screenshot({
    path: join(docsDir, name),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 330) },
  });
}

/** The status bar item with its tooltip open. */
async function screenshotStatusBarWithTooltip(name: string): Promise<void> {
  const item = statusBarItem(page);
  await item.hover();
  const hover = page
    .locator('.workbench-hover, .monaco-hover')
    .filter({ hasText: 'Awaiting reply' })
    .first();
  await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
  const a = await item.boundingBox();
  const b = await hover.boundingBox();
  if (!a || !b) throw new Error('the status bar item or its tooltip is not visible');
  const x = Math.max(0, Math.min(a.x, b.x) - 8);
  const y = Math.max(0, Math.min(a.y, b.y) - 8);
  const right = Math.max(a.x + a.width, b.x + b.width) + 8;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + 4;
  await page.screenshot({
    path: join(docsDir, name),
    clip: { x, y, width: right - x, height: bottom - y },
  });
  await page.mouse.move(640, 300);
  await page.keyboard.press('Escape');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the extension in code-server', () => {
  beforeAll(async () => {
    if (!existsSync(vsix))
      throw new Error(
        `${vsix} is missing; run "pnpm --filter whmcs-ticket-counts-vscode build" first.`,
      );
    home = await mkdtemp(join(tmpdir(), 'whmcs-vscode-e2e-'));
    sim = await startWhmcsSimulator();
    codeServer = await startCodeServer({
      home,
      vsix,
      env: { WHMCS_TICKET_COUNTS_TEST_MINIMUM_REFRESH_SECONDS: String(INTERVAL_SECONDS) },
      userSettings: {
        'whmcsTicketCounts.connections': [
          {
            id: 'sim',
            label: 'Simulator',
            url: sim.baseUrl,
            authMethod: 'api-credential',
            identifier: SAMPLE_CREDENTIALS.identifier,
          },
        ],
        'whmcsTicketCounts.refreshInterval': INTERVAL_SECONDS,
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(codeServer.url, { timeout: TIMEOUT });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });
  });

  afterAll(async () => {
    await browser?.close();
    await codeServer?.close();
    await sim?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('shows that the secret is missing before Connect…', async () => {
    await statusBarItem(page).waitFor({ state: 'visible', timeout: TIMEOUT });
    await expect.poll(statusBarText, { timeout: TIMEOUT }).toBe('WHMCS');
    expect(sim.requests).toHaveLength(0);
  });

  it('connects through "WHMCS: Connect…" and shows the awaiting count in the status bar', async () => {
    await runCommand(page, 'WHMCS: Connect…');
    await answerQuickInput(page, /Simulator/);
    await answerQuickInput(page, /\(1\/5\)/);
    await answerQuickInput(page, /\(2\/5\)/);
    await answerQuickInput(page, /\(3\/5\)/);
    await answerQuickInput(page, /\(4\/5\)/, SAMPLE_CREDENTIALS.secret);
    await answerQuickInput(page, /\(5\/5\)/);
    const expected = await simCounts();
    await expect.poll(statusBarText, { timeout: TIMEOUT }).toBe(String(expected.awaitingReply));
    const label = await statusBarItem(page).getAttribute('aria-label');
    expect(label).toBe(`${expected.awaitingReply} WHMCS tickets awaiting reply`);
    await screenshotStatusBarWithTooltip('status-bar.png');

    // The secret went to SecretStorage, not into settings.
    const settingsJson = await readFile(
      join(server().userDataDir, 'User', 'settings.json'),
      'utf8',
    );
    expect(settingsJson).toContain(SAMPLE_CREDENTIALS.identifier);
    expect(settingsJson).not.toContain(SAMPLE_CREDENTIALS.secret);
  });

  it('shows the totals and every status in the tree', async () => {
    const expected = await simCounts();
    // The view container in the activity bar, its badge carrying the awaiting count.
    const container = page.locator('.activitybar li.action-item[aria-label^="WHMCS Tickets"]');
    await expect
      .poll(() => container.getAttribute('aria-label'), { timeout: TIMEOUT })
      .toBe(`WHMCS Tickets - ${expected.awaitingReply} tickets awaiting reply`);
    await container.click({ timeout: TIMEOUT });
    await expect.poll(treeRows, { timeout: TIMEOUT }).toMatchObject({
      'Awaiting Reply': String(expected.awaitingReply),
      'All Active': String(expected.allActive),
      'My Flagged': String(expected.flaggedTickets),
      Counted: `Departments ${expected.filteredDepartments.join(', ')}`,
    });
    const rows = await treeRows();
    const statuses = Object.values(expected.status ?? {});
    expect(statuses.length).toBeGreaterThan(5);
    for (const status of statuses) {
      expect(rows[decodeHtmlEntities(status.title)]).toBe(String(status.count));
    }
    expect(rows['Billing & Sales']).toBeDefined();
    await screenshotSidebar('tree.png');
  });

  it('updates the status bar and the tree after the tickets change and a refresh runs', async () => {
    const before = await simCounts();
    for (let n = 0; n < 3; n++) {
      sim.data.tickets.push({ id: 900 + n, departmentId: 1, status: 'Open' });
    }
    const after = await simCounts();
    expect(after.awaitingReply).toBe((before.awaitingReply ?? 0) + 3);
    // No command: the automatic refresh must pick it up.
    await expect.poll(statusBarText, { timeout: TIMEOUT }).toBe(String(after.awaitingReply));
    await expect.poll(treeRows, { timeout: TIMEOUT }).toMatchObject({
      'Awaiting Reply': String(after.awaitingReply),
      'All Active': String(after.allActive),
      Open: String(after.status?.open?.count),
    });
  });

  it('keeps the secret in the browser, sealed, not in files on the server (no OS keyring here)', async () => {
    // code-server's SecretStorage is VS Code's web embedder's: localStorage["secrets.provider"],
    // AES-GCM sealed with a key the server mints. Nothing is written to disk on the server.
    const sealed = await page.evaluate(() => localStorage.getItem('secrets.provider'));
    expect(sealed).toBeTruthy();
    expect(sealed).not.toContain(SAMPLE_CREDENTIALS.secret);
    for (const file of await filesUnder(home)) {
      const bytes = await readFile(file);
      expect(bytes.includes(SAMPLE_CREDENTIALS.secret), file).toBe(false);
    }

    // It survives a reload of the same browser profile…
    const expected = await simCounts();
    await page.reload({ timeout: TIMEOUT });
    await expect.poll(statusBarText, { timeout: TIMEOUT }).toBe(String(expected.awaitingReply));

    // …but another browser (profile) has no secret and says so, without sending a request.
    const other = await browser?.newContext();
    if (!other) throw new Error('no browser');
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(server().url, { timeout: TIMEOUT });
      const otherText = () =>
        statusBarItem(otherPage)
          .textContent()
          .then((text) => (text ?? '').trim());
      await expect.poll(otherText, { timeout: TIMEOUT }).toBe('WHMCS');
      const label = await statusBarItem(otherPage).getAttribute('aria-label');
      expect(label).toBe('WHMCS ticket counts: not set up');
    } finally {
      await other.close();
    }
  });

  it('over plain http from another host, Connect… warns before a secret is typed', async () => {
    // There the browser has no crypto.subtle, and code-server keeps SecretStorage in localStorage
    // as plain text (measured): the extension must say so before the secret is typed.
    const other = await browser?.newContext();
    if (!other) throw new Error('no browser');
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(server().url.replace('127.0.0.1', PLAIN_HTTP_HOST), {
        timeout: TIMEOUT,
      });
      await otherPage.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });
      expect(await otherPage.evaluate(() => window.isSecureContext)).toBe(false);
      await statusBarItem(otherPage).waitFor({ state: 'visible', timeout: TIMEOUT });
      await runCommand(otherPage, 'WHMCS: Connect…');
      const dialog = otherPage.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
      expect(await dialog.textContent()).toContain(
        "served over plain http, where VS Code keeps secrets unencrypted in the browser's storage",
      );
      await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click({ timeout: TIMEOUT });
      await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
      expect(await otherPage.locator('.quick-input-widget').isVisible()).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('stops after a rejected secret: an error shows and WHMCS gets exactly one request', async () => {
    const credential = sim.data.apiCredentials.find(
      (item) => item.identifier === SAMPLE_CREDENTIALS.identifier,
    );
    if (!credential) throw new Error('the simulator has no sample credential');
    // Polling is live in this window (so the intervals below really pass with timers running).
    await runCommand(page, 'WHMCS: Show Ticket Counts View');
    const polled = sim.requests.length;
    await expect.poll(() => sim.requests.length, { timeout: TIMEOUT }).toBeGreaterThan(polled);

    credential.secret = 'FAKE-rotated-secret-the-extension-does-not-know';
    const mark = sim.requests.length;

    await runCommand(page, 'WHMCS: Refresh Ticket Counts');
    await expect.poll(statusBarText, { timeout: TIMEOUT }).toMatch(/\(stale\)$/);
    const view = page.locator('[id="workbench.view.extension.whmcsTicketCounts"]');
    await view
      .locator('.monaco-list-row', { hasText: /Authentication Failed/ })
      .first()
      .waitFor({ state: 'visible', timeout: TIMEOUT });
    await screenshotSidebar('tree-error.png');

    // Several refresh intervals pass (and a manual refresh is asked for): no second request.
    await page.waitForTimeout(INTERVAL_SECONDS * 4 * 1000);
    await runCommand(page, 'WHMCS: Refresh Ticket Counts');
    await page.waitForTimeout(INTERVAL_SECONDS * 1000);
    const apiRequests = sim.requests
      .slice(mark)
      .filter((request) => request.path.endsWith('api.php'));
    expect(apiRequests).toHaveLength(1);
    expect(sim.failedLogins()).toBe(1);
  });

  it('never writes the secret into logs', async () => {
    const logs = await filesUnder(join(server().userDataDir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    const ownLog = logs.filter((file) => file.endsWith('WHMCS Ticket Counts.log'));
    expect(ownLog.length).toBeGreaterThan(0);
    const ownText = (await Promise.all(ownLog.map((file) => readFile(file, 'utf8')))).join('\n');
    // Request timing and the failure reach the log, the secret never does.
    expect(ownText).toMatch(/GetTicketCounts sim .* in \d+ ms/);
    expect(ownText).toMatch(/failed after \d+ ms: authentication: /);
    for (const file of logs) {
      const text = await readFile(file, 'utf8');
      expect(text.includes(SAMPLE_CREDENTIALS.secret), file).toBe(false);
    }
    expect(server().output()).not.toContain(SAMPLE_CREDENTIALS.secret);
  });
  it('forgets the connection through "WHMCS: Disconnect" and offers to connect again', async () => {
    await runCommand(page, 'WHMCS: Disconnect');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    await dialog.locator('.monaco-button', { hasText: /^Disconnect$/ }).click({ timeout: TIMEOUT });
    await expect
      .poll(() => statusBarItem(page).getAttribute('aria-label'), { timeout: TIMEOUT })
      .toBe('WHMCS ticket counts: not connected');
    const settingsJson = JSON.parse(
      await readFile(join(server().userDataDir, 'User', 'settings.json'), 'utf8'),
    );
    expect(settingsJson['whmcsTicketCounts.connections']).toEqual([]);
    await runCommand(page, 'WHMCS: Show Ticket Counts View');
    await page
      .locator('[id="workbench.view.extension.whmcsTicketCounts"] .welcome-view-content')
      .getByText('Connect to WHMCS', { exact: true })
      .waitFor({ state: 'visible', timeout: TIMEOUT });
  });
});
