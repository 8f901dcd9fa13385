// Workspace Trust, for restricted-mode tests (code-server started with workspaceTrust: true).
import type { Page } from 'playwright-core';

/** Answers the "Do you trust the authors…?" dialog shown when a folder opens. */
export async function answerWorkspaceTrust(page: Page, trust: boolean, timeoutMs = 30_000): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Do you trust the authors' });
  await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
  const answer = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
  await dialog.locator('.monaco-button', { hasText: answer }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** True when the window runs in Restricted Mode (its status bar entry is shown). */
export async function isRestrictedMode(page: Page): Promise<boolean> {
  return (await page.locator('.part.statusbar [id="status.workspaceTrust"]').count()) > 0;
}
