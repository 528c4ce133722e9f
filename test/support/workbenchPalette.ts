import type { Page } from 'playwright-core';

/** Runs a command from VS Code's Command Palette by its title, in a workbench page driven by Playwright. */
export async function runFromPalette(page: Page, command: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${command}`, { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      // A webview kept the focus (F1 went to its frame): give it back to the workbench and try again.
      await page.keyboard.press('Escape');
      await page.locator('#workbench\\.parts\\.sidebar .composite.title, .tabs-container .tab').first().click().catch(() => undefined);
    }
  }
  await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor({ timeout: 10_000 });
  await input.press('Enter');
}
