import type { Locator, Page } from 'playwright-core';

/** Playwright helpers for the VS Code workbench as code-server serves it. */

export const TIMEOUT = 60_000;

export function statusBarItem(page: Page): Locator {
  return page.locator('.statusbar-item[id$="whmcsTicketCounts.status"]');
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Runs a command from the palette by its full title, e.g. "WHMCS: Connect…". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.bringToFront();
  const input = quickInput(page);
  // A workbench that is still restoring (after a reload) can swallow the first F1.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 6) throw error;
    }
  }
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.press('Enter');
}

/** Waits until the quick input shows this step (text in its title, prompt or list), then answers it. */
export async function answerQuickInput(page: Page, step: RegExp, answer?: string): Promise<void> {
  await page
    .locator('.quick-input-widget')
    .filter({ hasText: step })
    .waitFor({ state: 'visible', timeout: TIMEOUT });
  const input = quickInput(page);
  if (answer !== undefined) await input.fill(answer);
  await input.press('Enter');
}
