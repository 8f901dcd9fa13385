// Screenshots land in test-results/, which CI keeps, so a failed run can be looked at.
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureDir, safeFileName, testResultsDir } from '../paths';

/** Full-window screenshot at test-results/<name>.png; returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ensureDir(testResultsDir), `${safeFileName(name)}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Screenshot of the sidebar only at test-results/<name>.png; returns the path. `height` keeps
 * just the top of it (a short list leaves the rest empty).
 */
export async function saveSidebarScreenshot(page: Page, name = 'sidebar', options: { height?: number } = {}): Promise<string> {
  const file = path.join(ensureDir(testResultsDir), `${safeFileName(name)}.png`);
  // The pointer is often still on the activity bar icon, whose hover would cover the view.
  const editor = await page.locator('.part.editor').boundingBox();
  if (editor) await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
  const sidebar = page.locator('.part.sidebar');
  const box = options.height === undefined ? null : await sidebar.boundingBox();
  if (box && options.height !== undefined) {
    await page.screenshot({ path: file, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, options.height) } });
  } else {
    await sidebar.screenshot({ path: file });
  }
  return file;
}
