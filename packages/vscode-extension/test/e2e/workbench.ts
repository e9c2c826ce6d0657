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
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // The palette can close under us: a workbench still restoring (after a reload) swallows the
  // first F1, and a notification or view update arriving mid-typing can hide it (CI once saw
  // "element is not visible" for 30 s). Each attempt starts over, until the command is chosen.
  for (let attempt = 1; ; attempt++) {
    const last = attempt === 6;
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      await row.waitFor({ state: 'visible', timeout: last ? TIMEOUT : 15_000 });
      await input.press('Enter', { timeout: 5_000 });
      return;
    } catch (error) {
      if (last) throw error;
    }
  }
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
