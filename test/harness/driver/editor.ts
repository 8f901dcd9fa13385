// Text editors and their context menu, driven with the mouse and keyboard as a user would.
// Monaco renders only visible lines, each as a `.view-line`, so lines are found by their text.
import type { Locator, Page } from 'playwright-core';
import { waitForQuickInput } from './palette';

const QUICK_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
/** Context menus may render inside a shadow root; CSS locators pierce open ones. */
const MENU_ITEM = '.context-view .monaco-menu .action-item';

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would; waits for its tab. */
export async function openFileWithQuickOpen(page: Page, relativePath: string): Promise<Locator> {
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.keyboard.press('Control+P');
  const input = await waitForQuickInput(page);
  await input.fill(relativePath);
  // Quick Open searches the files asynchronously: Enter before the row shows opens nothing.
  await page.locator(QUICK_ROWS).filter({ has: page.locator('.label-name', { hasText: name }) }).first().waitFor({ timeout: 10_000 });
  await input.press('Enter');
  await activeTab(page, name).waitFor({ timeout: 10_000 });
  return activeEditor(page);
}

/** The active tab, by its file name. */
export function activeTab(page: Page, fileName: string): Locator {
  return page.locator(`.part.editor .tabs-container .tab.active[aria-label^="${fileName}"]`);
}

/** The editor of the active group (the one the user types in). */
export function activeEditor(page: Page): Locator {
  return page.locator('.part.editor .editor-group-container.active .editor-instance .monaco-editor').first();
}

/** A rendered line of the active editor whose text contains `text`. */
export function editorLine(page: Page, text: string): Locator {
  return activeEditor(page).locator('.view-lines .view-line', { hasText: text }).first();
}

/**
 * Clicks the line containing `text`, goes to its start and extends the selection `lineCount`
 * lines down with Shift+Down, so the selection ends at the start of the following line.
 */
export async function selectLinesFrom(page: Page, text: string, lineCount: number): Promise<void> {
  const line = editorLine(page, text);
  await line.waitFor({ timeout: 10_000 });
  await line.click();
  await page.keyboard.press('Home');
  for (let i = 0; i < lineCount; i++) await page.keyboard.press('Shift+ArrowDown');
}

/** Right-clicks the line containing `text` and waits for the editor's context menu. */
export async function openEditorContextMenu(page: Page, text: string): Promise<Locator> {
  await editorLine(page, text).click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu').first();
  await menu.waitFor({ state: 'visible', timeout: 5_000 });
  return menu;
}

/** Labels of the open context menu's items, top to bottom (separators left out). */
export async function contextMenuItems(page: Page): Promise<string[]> {
  const labels = await page.locator(`${MENU_ITEM} .action-label`).allTextContents();
  return labels.map((label) => label.trim()).filter(Boolean);
}

/** Clicks the item of the open context menu whose label is exactly `label`. */
export async function clickContextMenuItem(page: Page, label: string): Promise<void> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.locator(MENU_ITEM).filter({ has: page.locator('.action-label', { hasText: exact }) }).first().click();
  await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 5_000 });
}
